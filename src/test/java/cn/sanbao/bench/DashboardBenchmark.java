package cn.sanbao.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import cn.sanbao.demo.SyntheticDataSet;
import cn.sanbao.kernel.Period;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.security.Roles;

/**
 * Dashboard speed on the synthetic 3,000-unit data set (not a unit test). Starts the application on an
 * fresh H2 file database (in memory the year's results do not fit a small heap) with a generated region tree (30 cities × 100 units), stores the year's facts,
 * scores the twelve months, signs in over HTTP and times the first (cold) request, then the page /dashboard and
 * the JSON /api/dashboard for December: median of 100 requests each. Goal: under 200 ms each on the server.
 * Also prints the uncached {@code ResultRepository.ranking} / {@code history} and the unit page for reference, then
 * the long lists (results, cases, delivery log, project library, a trace with 20,000 payments) paged on the
 * server, goal under 1 s each, and their Excel exports.
 *
 * <p>Arguments (optional): units (3000), requests (100).
 */
public final class DashboardBenchmark {

    static final double GOAL_MS = 200;
    static final double LIST_GOAL_MS = 1000;
    static final int PAYMENTS = 20_000;

    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int cities = SyntheticProvince.CITIES;
        Path region = SyntheticProvince.regionFile(units);

        long t0 = System.nanoTime();
        ConfigurableApplicationContext app = SyntheticProvince.start(region);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        System.out.printf("总览基准：%d 个单位（%d 个市），应用启动 %.1f s，%d 核%n", units, cities,
                (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().availableProcessors());

        long f0 = System.nanoTime();
        int stored = SyntheticProvince.storeYear(app, units);
        int year = SyntheticDataSet.YEAR;
        System.out.printf("存入 %d 条数据：%.1f s%n", stored, (System.nanoTime() - f0) / 1e9);
        long s0 = System.nanoTime();
        SyntheticProvince.scoreYear(app);
        System.out.printf("评分 12 个月：%.1f s%n", (System.nanoTime() - s0) / 1e9);

        long l0 = System.nanoTime();
        int projects = SyntheticProvince.storeProjects(app, units, 3);
        SyntheticProvince.storePayments(app, PAYMENTS);
        SyntheticProvince.publishDecember(app);
        System.out.printf("长列表数据：项目库 %d 个项目，追溯项目 %d 笔支付，发布 12 月（预警事项与发送记录）：%.1f s%n", projects, PAYMENTS,
                (System.nanoTime() - l0) / 1e9);

        String base = "http://localhost:" + port;
        HttpClient http = SyntheticProvince.signIn(app, base, "bench", Roles.ANALYST, null);

        String period = Period.month(year, 12).code();
        // cold: nothing cached yet, so the first request reads the rankings of all twelve months
        double coldMs = time(http, base + "/api/dashboard?period=" + period).ms;
        System.out.printf("首次请求 JSON /api/dashboard（缓存为空，读取全年 12 个月排名）：%.0f ms%n", coldMs);
        double pageFirstMs = time(http, base + "/dashboard?period=" + Period.month(year, 11).code()).ms;
        System.out.printf("首次请求页面 /dashboard（11 月）：%.0f ms%n", pageFirstMs);
        ResultRepository results = app.getBean(ResultRepository.class);
        long q0 = System.nanoTime();
        int rows = results.ranking(Period.month(year, 6), code -> true).size();
        System.out.printf("ResultRepository.ranking（6 月，%d 个单位，不经缓存）：%.0f ms%n", rows, (System.nanoTime() - q0) / 1e6);
        q0 = System.nanoTime();
        int months = results.history(SyntheticDataSet.unitCode(0), year, Period.Type.MONTH).size();
        System.out.printf("ResultRepository.history（一个单位 %d 个月）：%.0f ms%n", months, (System.nanoTime() - q0) / 1e6);

        boolean ok = coldMs < 10_000;
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("页面 /dashboard", "/dashboard?period=" + period);
        targets.put("JSON /api/dashboard", "/api/dashboard?period=" + period);
        targets.put("单位页 /monitoring/units/{单位}", "/monitoring/units/" + SyntheticDataSet.unitCode(0) + "?period=" + period);
        for (Map.Entry<String, String> target : targets.entrySet()) {
            String url = base + target.getValue();
            Timed first = time(http, url);
            for (int i = 0; i < 10; i++) time(http, url);
            double[] ms = new double[requests];
            for (int i = 0; i < requests; i++) ms[i] = time(http, url).ms;
            Arrays.sort(ms);
            double median = ms[requests / 2];
            boolean goal = !target.getKey().startsWith("单位页");
            if (goal) ok &= median < GOAL_MS;
            System.out.printf("%s：首次 %.0f ms，%d 次中位数 %.1f ms，P90 %.1f ms，响应 %d KB%s%n", target.getKey(), first.ms,
                    requests, median, ms[(int) (requests * 0.9)], first.bytes / 1024,
                    goal ? (median < GOAL_MS ? " —— 达到目标（<200 ms）" : " —— 未达目标") : "");
        }
        ok &= lists(http, base, period, Math.max(5, requests / 5));
        app.close();
        System.exit(ok ? 0 : 1);
    }

    /**
     * The long lists, paged on the server: first and a late page of each (filters kept), and each export of the
     * whole list once. Goal: every page under 1 s on the server.
     */
    static boolean lists(HttpClient http, String base, String period, int requests) throws Exception {
        String trace = "/projects/trace/" + SyntheticDataSet.unitCode(0) + "?year=" + SyntheticDataSet.YEAR + "&pillar=WAGE&project="
                + SyntheticProvince.projectCode(0, 0);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("监测结果 /monitoring 第 1 页", "/monitoring?period=" + period);
        pages.put("监测结果 第 40 页", "/monitoring?period=" + period + "&page=40");
        pages.put("预警事项 /warnings 第 1 页", "/warnings");
        pages.put("预警事项 等级筛选 第 10 页", "/warnings?grade=HIGH&page=10");
        pages.put("发送记录 /warnings/deliveries 第 1 页", "/warnings/deliveries");
        pages.put("发送记录 第 100 页", "/warnings/deliveries?page=100");
        pages.put("项目库 /projects/library 第 1 页", "/projects/library?year=" + SyntheticDataSet.YEAR);
        pages.put("项目库 三保标识筛选 第 50 页", "/projects/library?year=" + SyntheticDataSet.YEAR + "&tag=WAGE&page=50");
        pages.put("追溯（" + PAYMENTS + " 笔支付）第 1 页", trace);
        pages.put("追溯 第 300 页", trace + "&page=300");
        boolean ok = true;
        for (Map.Entry<String, String> target : pages.entrySet()) {
            String url = base + target.getValue();
            Timed first = time(http, url);
            double[] ms = new double[requests];
            for (int i = 0; i < requests; i++) ms[i] = time(http, url).ms;
            Arrays.sort(ms);
            double median = ms[requests / 2];
            ok &= median < LIST_GOAL_MS && first.ms < LIST_GOAL_MS * 3;
            System.out.printf("%s：首次 %.0f ms，%d 次中位数 %.1f ms，最慢 %.1f ms，响应 %d KB%s%n", target.getKey(), first.ms, requests,
                    median, ms[requests - 1], first.bytes / 1024, median < LIST_GOAL_MS ? " —— 达到目标（<1 s）" : " —— 未达目标");
        }
        Map<String, String> exports = new LinkedHashMap<>();
        exports.put("导出 监测结果（全部单位）", "/monitoring/export?period=" + period);
        exports.put("导出 预警事项（全部）", "/warnings/export");
        exports.put("导出 项目库（全部）", "/projects/library/export?year=" + SyntheticDataSet.YEAR);
        exports.put("导出 追溯（含全部支付）", trace.replace("?", "/export?"));
        for (Map.Entry<String, String> target : exports.entrySet()) {
            time(http, base + target.getValue());
            Timed t = time(http, base + target.getValue());
            System.out.printf("%s：%.0f ms，文件 %d KB%n", target.getKey(), t.ms, t.bytes / 1024);
        }
        return ok;
    }

    record Timed(double ms, int bytes) {
    }

    static Timed time(HttpClient http, String url) throws Exception {
        long a = System.nanoTime();
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - a) / 1e6;
        if (r.statusCode() != 200) throw new IllegalStateException(url + " 返回 " + r.statusCode());
        return new Timed(ms, r.body().length);
    }
}
