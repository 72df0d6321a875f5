package cn.sanbao.bench;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import cn.sanbao.demo.SyntheticDataSet;
import cn.sanbao.kernel.Period;
import cn.sanbao.security.Roles;

/**
 * County map speed (not a unit test): the synthetic province (30 cities × 100 units) with 36 months stored and
 * scored (three years of the synthetic data set under 2021–2023), then {@code /api/dashboard/map} for the latest
 * month as an analyst (all 3,000 units), a city user (its 100 units, the rest as bare places) and a county user,
 * and the page /dashboard: first request and median of 100 each. Goal: map under 300 ms server time.
 *
 * <p>Arguments (optional): units (3000), requests (100).
 */
public final class CountyMapBenchmark {

    static final double GOAL_MS = 300;
    static final int YEARS = 3;

    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        long t0 = System.nanoTime();
        ConfigurableApplicationContext app = SyntheticProvince.start(SyntheticProvince.regionFile(units));
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        System.out.printf("县级地图基准：%d 个单位（%d 个市），应用启动 %.1f s，%d 核，最大堆 %d MB%n", units, SyntheticProvince.CITIES,
                (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        int first = SyntheticDataSet.YEAR, last = first + YEARS - 1;
        long s0 = System.nanoTime();
        long stored = 0;
        for (int year = first; year <= last; year++) {
            stored += SyntheticProvince.storeYear(app, units, year, 20210101L + year);
            SyntheticProvince.scoreYear(app, year);
        }
        System.out.printf("存入 %d 条数据并评分 %d 个月（%d–%d 年）：%.1f s%n", stored, 12 * YEARS, first, last, (System.nanoTime() - s0) / 1e9);

        String base = "http://localhost:" + port;
        String period = Period.month(last, 12).code();
        String map = "/api/dashboard/map?period=" + period;
        Map<String, HttpClient> sessions = new LinkedHashMap<>();
        sessions.put("分析员（全部 " + units + " 个单位）", SyntheticProvince.signIn(app, base, "bench", Roles.ANALYST, null));
        sessions.put("市级用户（合成市01）", SyntheticProvince.signIn(app, base, "benchcity", Roles.LOCAL_CITY, "C01"));
        sessions.put("县级用户（合成县1）", SyntheticProvince.signIn(app, base, "benchcounty", Roles.LOCAL_COUNTY, SyntheticDataSet.unitCode(0)));

        boolean ok = true;
        for (Map.Entry<String, HttpClient> s : sessions.entrySet()) {
            ok &= measure(s.getValue(), base + map, "JSON " + map + "，" + s.getKey(), requests, true);
        }
        measure(sessions.values().iterator().next(), base + "/dashboard?period=" + period, "页面 /dashboard（分析员，参考）", requests, false);
        app.close();
        System.exit(ok ? 0 : 1);
    }

    static boolean measure(HttpClient http, String url, String what, int requests, boolean goal) throws Exception {
        DashboardBenchmark.Timed first = DashboardBenchmark.time(http, url);
        for (int i = 0; i < 10; i++) DashboardBenchmark.time(http, url);
        double[] ms = new double[requests];
        for (int i = 0; i < requests; i++) ms[i] = DashboardBenchmark.time(http, url).ms();
        Arrays.sort(ms);
        double median = ms[requests / 2];
        System.out.printf("%s：首次 %.0f ms，%d 次中位数 %.1f ms，P90 %.1f ms，最慢 %.1f ms，响应 %d KB%s%n", what, first.ms(), requests,
                median, ms[(int) (requests * 0.9)], ms[requests - 1], first.bytes() / 1024,
                goal ? (median < GOAL_MS ? " —— 达到目标（<300 ms）" : " —— 未达目标") : "");
        return !goal || median < GOAL_MS;
    }
}
