package cn.sanbao.bench;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import cn.sanbao.security.Roles;
import org.springframework.context.ConfigurableApplicationContext;
import cn.sanbao.demo.SyntheticDataSet;

/**
 * 单位画像 speed on the synthetic 3,000-unit province with 36 months stored (the synthetic year stored as three
 * years, each scored month by month, the last December published). Times a county's and a city's portrait
 * over HTTP as an analyst: the first request, then the median and P90 of {@code requests}. Goal: under 300 ms.
 * Also times the PDF and the Excel workbook of the county once (no goal). Not a unit test.
 *
 * <p>Arguments (optional): units (3000), requests (50).
 */
public final class PortraitBenchmark {

    static final double GOAL_MS = 300;
    static final int YEARS = 3;

    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path region = SyntheticProvince.regionFile(units);
        long t0 = System.nanoTime();
        ConfigurableApplicationContext app = SyntheticProvince.start(region);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        System.out.printf("单位画像基准：%d 个单位（%d 个市），应用启动 %.1f s，%d 核%n", units, SyntheticProvince.CITIES,
                (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().availableProcessors());
        int first = SyntheticDataSet.YEAR, last = first + YEARS - 1;
        for (int y = first; y <= last; y++) {
            long s0 = System.nanoTime();
            int stored = SyntheticProvince.storeYear(app, units, y);
            SyntheticProvince.scoreYear(app, y);
            System.out.printf("%d 年：存入 %d 条数据并评分 12 个月，%.1f s%n", y, stored, (System.nanoTime() - s0) / 1e9);
        }
        SyntheticProvince.publishDecember(app, last);

        String base = "http://localhost:" + port;
        HttpClient http = SyntheticProvince.signIn(app, base, "bench", Roles.ANALYST, null);
        String county = SyntheticDataSet.unitCode(0);
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("县级单位画像 /units/" + county, "/units/" + county);
        targets.put("市级单位画像 /units/C01", "/units/C01");
        boolean ok = true;
        for (Map.Entry<String, String> target : targets.entrySet()) {
            String url = base + target.getValue();
            DashboardBenchmark.Timed once = DashboardBenchmark.time(http, url);
            for (int i = 0; i < 5; i++) DashboardBenchmark.time(http, url);
            double[] ms = new double[requests];
            for (int i = 0; i < requests; i++) ms[i] = DashboardBenchmark.time(http, url).ms();
            Arrays.sort(ms);
            double median = ms[requests / 2];
            ok &= median < GOAL_MS;
            System.out.printf("%s（%d 个月）：首次 %.0f ms，%d 次中位数 %.1f ms，P90 %.1f ms，响应 %d KB%s%n", target.getKey(), 12 * YEARS,
                    once.ms(), requests, median, ms[(int) (requests * 0.9)], once.bytes() / 1024,
                    median < GOAL_MS ? " —— 达到目标（<300 ms）" : " —— 未达目标");
        }
        DashboardBenchmark.Timed pdf = DashboardBenchmark.time(http, base + "/units/" + county + "/pdf");
        DashboardBenchmark.Timed xlsx = DashboardBenchmark.time(http, base + "/units/" + county + "/export");
        System.out.printf("县级单位画像 PDF：%.0f ms，%d KB；全部表格 Excel：%.0f ms，%d KB%n", pdf.ms(), pdf.bytes() / 1024,
                xlsx.ms(), xlsx.bytes() / 1024);
        app.close();
        System.exit(ok ? 0 : 1);
    }
}
