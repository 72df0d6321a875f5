package cn.sanbao.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import cn.sanbao.SanbaoApplication;
import cn.sanbao.demo.SyntheticDataSet;
import cn.sanbao.kernel.Period;
import cn.sanbao.security.AccountService;
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.EmbeddedPostgresSupport;

/**
 * Two instances under load (not a unit test; docs/console.md, 两个实例): instances A and B on ONE embedded PostgreSQL
 * with the synthetic province (3,000 units, the year scored), 200 users signed in, half on each instance, each
 * browsing the dashboard and unit pages for 60 s: open a page, read it for 2–8 s (mean 5 s), open the next; each instance
 * is opened once before (20 pages, as operators do after a deployment) and the users' first clicks spread. Prints per
 * instance the requests, errors and the server-side p99 (Micrometer's http.server.requests), and the CPU this process
 * spent per request. Goal: 0 errors, p99 under 500 ms on both.
 *
 * <p>Arguments (optional): units (3000), users (200), seconds (60), mean reading time in seconds (5; 0 = no pause,
 * which measures saturation rather than browsing).
 */
public final class ClusterLoadBenchmark {

    static final double GOAL_MS = 500;
    static final String PASSWORD = "Speed-test-2022";

    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        double think = args.length > 3 ? Double.parseDouble(args[3]) : 5;
        Path region = SyntheticProvince.regionFile(units);
        String url = EmbeddedPostgresSupport.createDatabase();

        ConfigurableApplicationContext[] instances = new ConfigurableApplicationContext[2];
        String[] base = new String[2];
        for (int i = 0; i < 2; i++) {
            instances[i] = new SpringApplication(SanbaoApplication.class).run("--server.port=0", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + EmbeddedPostgresSupport.username(), "--spring.datasource.password=",
                    "--spring.datasource.driver-class-name=org.postgresql.Driver", "--sanbao.demo.enabled=false",
                    "--sanbao.region.file=file:" + region, "--logging.level.root=WARN", "--server.tomcat.threads.max=100",
                    "--spring.datasource.hikari.maximum-pool-size=20", "--sanbao.login.throttle.address-burst=1000",
                    "--sanbao.audit.key=benchmark-audit-key", "--sanbao.audit.anchor-file=" + region.getParent() + "/anchor-" + i + ".log",
                    "--management.metrics.distribution.percentiles.http.server.requests=0.99");
            base[i] = "http://localhost:" + instances[i].getEnvironment().getProperty("local.server.port");
        }
        long f0 = System.nanoTime();
        SyntheticProvince.storeYear(instances[0], units);
        SyntheticProvince.scoreYear(instances[0]);
        System.out.printf("两实例负载基准：%d 个单位，数据与评分 %.1f s，%d 核%n", units, (System.nanoTime() - f0) / 1e9,
                Runtime.getRuntime().availableProcessors());

        AccountService accounts = instances[0].getBean(AccountService.class);
        accounts.create("benchmark", "bench", "基准用户", "Speed-test-2021");
        accounts.assignRole("benchmark", "bench", Roles.ANALYST, null);
        accounts.changeOwnPassword("bench", "Speed-test-2021", PASSWORD, null);
        String period = Period.month(SyntheticDataSet.YEAR, 12).code();
        // after a deployment the operators open each instance once: the first dashboard computes the month's caches
        for (int i = 0; i < 2; i++) {
            HttpClient warm = signIn(base[i]);
            for (int n = 0; n < 20; n++)
                warm.send(HttpRequest.newBuilder(URI.create(base[i] + (n % 2 == 0 ? "/dashboard?period=" + period
                        : "/monitoring/units/" + SyntheticDataSet.unitCode(n * 131 % units) + "?period=" + period))).build(),
                        HttpResponse.BodyHandlers.discarding());
        }
        HttpClient[] clients = new HttpClient[users];
        for (int u = 0; u < users; u++) clients[u] = signIn(base[u % 2]);

        AtomicLong[] requests = {new AtomicLong(), new AtomicLong()}, errors = {new AtomicLong(), new AtomicLong()};
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int instance = u % 2;
            HttpClient http = clients[u];
            Thread t = new Thread(() -> {
                pause(think / 2); // people do not all click in the same millisecond: the first pages spread over a reading time
                while (System.nanoTime() < end) {
                    String path = ThreadLocalRandom.current().nextBoolean() ? "/dashboard?period=" + period
                            : "/monitoring/units/" + SyntheticDataSet.unitCode(ThreadLocalRandom.current().nextInt(units)) + "?period=" + period;
                    try {
                        int status = http.send(HttpRequest.newBuilder(URI.create(base[instance] + path)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200) errors[instance].incrementAndGet();
                    } catch (Exception e) {
                        errors[instance].incrementAndGet();
                    }
                    requests[instance].incrementAndGet();
                    pause(think);
                }
            }, "user-" + u);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) t.join();
        long total = requests[0].get() + requests[1].get();
        System.out.printf("%d 个用户，每次翻页后停留 %s；本进程（两实例与全部用户）每次请求 CPU %.1f ms（不含 PostgreSQL）%n", users,
                think > 0 ? String.format("%.1f–%.1f 秒（平均 %.1f 秒）", think * 0.4, think * 1.6, think) : "0 秒（不停顿）",
                (os.getProcessCpuTime() - cpu0) / 1e6 / Math.max(1, total));

        boolean ok = true;
        for (int i = 0; i < 2; i++) {
            MeterRegistry meters = instances[i].getBean(MeterRegistry.class);
            double p99 = 0;
            for (Timer t : meters.find("http.server.requests").timers()) {
                String uri = t.getId().getTag("uri");
                if (uri == null || !(uri.equals("/dashboard") || uri.startsWith("/monitoring/units"))) continue;
                for (ValueAtPercentile v : t.takeSnapshot().percentileValues())
                    if (v.percentile() == 0.99) p99 = Math.max(p99, v.value(java.util.concurrent.TimeUnit.MILLISECONDS));
            }
            boolean good = errors[i].get() == 0 && p99 < GOAL_MS;
            ok &= good;
            System.out.printf("实例 %s：%d 个用户，%d s 内 %d 次请求（%.0f 次/秒），错误 %d，服务端 p99 %.0f ms%s%n", i == 0 ? "A" : "B",
                    users / 2, seconds, requests[i].get(), requests[i].get() / (double) seconds, errors[i].get(), p99,
                    good ? " —— 达到目标（0 错误，p99 < 500 ms）" : " —— 未达目标");
        }
        for (ConfigurableApplicationContext app : instances) app.close();
        System.exit(ok ? 0 : 1);
    }

    /** A reader's pause on a page: uniform between 0.4 and 1.6 times the mean (the mean 0 means no pause). */
    static void pause(double meanSeconds) {
        if (meanSeconds <= 0) return;
        try {
            Thread.sleep((long) (meanSeconds * 1000 * (0.4 + 1.2 * ThreadLocalRandom.current().nextDouble())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static HttpClient signIn(String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) throw new IllegalStateException("登录页没有 CSRF 令牌");
        String form = "username=bench&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        return http;
    }
}
