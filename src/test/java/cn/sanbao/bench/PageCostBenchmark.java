package cn.sanbao.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import cn.sanbao.SanbaoApplication;
import cn.sanbao.demo.SyntheticDataSet;
import cn.sanbao.kernel.Period;
import cn.sanbao.security.AccountService;
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.EmbeddedPostgresSupport;

/**
 * CPU per page (not a unit test; docs/console.md): one instance on embedded PostgreSQL with the synthetic province
 * (3,000 units, the year scored); after a warm-up, one user opens the dashboard and unit pages one after another and
 * the process CPU time per page is printed (the JVM's own, PostgreSQL not included). Unlike response times this
 * figure holds on a busy machine, so it shows what a change saves; ClusterLoadBenchmark shows what users see.
 *
 * <p>Arguments (optional): units (3000), pages per kind (300).
 */
public final class PageCostBenchmark {

    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Path region = SyntheticProvince.regionFile(units);
        String url = EmbeddedPostgresSupport.createDatabase();
        ConfigurableApplicationContext app = new SpringApplication(SanbaoApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + EmbeddedPostgresSupport.username(),
                "--spring.datasource.password=", "--spring.datasource.driver-class-name=org.postgresql.Driver",
                "--sanbao.demo.enabled=false", "--sanbao.region.file=file:" + region, "--logging.level.root=WARN",
                "--sanbao.audit.key=benchmark-audit-key", "--sanbao.audit.anchor-file=" + region.getParent() + "/anchor.log");
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        SyntheticProvince.storeYear(app, units);
        SyntheticProvince.scoreYear(app);
        AccountService accounts = app.getBean(AccountService.class);
        accounts.create("benchmark", "bench", "基准用户", "Speed-test-2021");
        accounts.assignRole("benchmark", "bench", Roles.ANALYST, null);
        accounts.changeOwnPassword("bench", "Speed-test-2021", ClusterLoadBenchmark.PASSWORD, null);
        HttpClient http = ClusterLoadBenchmark.signIn(base);
        String period = Period.month(SyntheticDataSet.YEAR, 12).code();

        System.out.printf("每页 CPU 基准：%d 个单位，每种页面 %d 次（预热后，单用户依次请求）%n", units, pages);
        for (String kind : new String[] {"dashboard", "unit"}) {
            for (int i = 0; i < pages; i++) get(http, base, kind, period, i, units); // warm-up: JIT, caches, templates
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu = os.getProcessCpuTime(), wall = System.nanoTime();
            for (int i = 0; i < pages; i++) get(http, base, kind, period, i * 7 + 1, units);
            System.out.printf("%s：每页 CPU %.1f ms，平均响应 %.1f ms%n", kind.equals("dashboard") ? "总览 /dashboard" : "单位页 /monitoring/units",
                    (os.getProcessCpuTime() - cpu) / 1e6 / pages, (System.nanoTime() - wall) / 1e6 / pages);
        }
        app.close();
        System.exit(0);
    }

    private static void get(HttpClient http, String base, String kind, String period, int n, int units) throws Exception {
        String path = kind.equals("dashboard") ? "/dashboard?period=" + period
                : "/monitoring/units/" + SyntheticDataSet.unitCode(n % units) + "?period=" + period;
        int status = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) throw new IllegalStateException(path + " 返回 " + status);
    }
}
