package cn.sanbao.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import cn.sanbao.SanbaoApplication;
import cn.sanbao.security.AccountService;
import cn.sanbao.security.Roles;
import cn.sanbao.security.SessionRevoker;
import cn.sanbao.security.TestAccounts;
import cn.sanbao.testsupport.EmbeddedPostgresSupport;
import cn.sanbao.notify.outbox.OutboxDispatcher;
import cn.sanbao.notify.outbox.OutboxRepository;
import cn.sanbao.testsupport.InstanceProperties;

/**
 * Two instances on ONE PostgreSQL database (docs/operations.md): instance A is a separate JVM started with
 * {@code java} (so it can really be killed, as with kill -9), instance B a context in this JVM. Both use the
 * database for sessions, scheduler locks and the outbox claim.
 */
@Tag("postgres")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesPostgresTest {

    static final String PASSWORD = "Tallow-Bridge-77";
    static final int MESSAGES = 1000;

    static String url;
    static Process a;
    static int portA;
    static Path logA;
    static ConfigurableApplicationContext b;
    static int portB;
    static HttpServer gateway;
    static final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startBothInstances() throws Exception {
        url = EmbeddedPostgresSupport.createDatabase();
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/sms", ex -> {
            String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            delivered.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        gateway.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        gateway.start();

        portB = freePort();
        b = new SpringApplicationBuilder(SanbaoApplication.class).run(args(portB, "instance-b").toArray(String[]::new));
        b.getBean(JdbcClient.class).sql("create table test_tick (tick_second bigint not null, instance varchar(20) not null)").update();
        AccountService accounts = b.getBean(AccountService.class);
        TestAccounts.create(accounts, "cluster-analyst", PASSWORD, Roles.ANALYST, null);
        TestAccounts.create(accounts, "cluster-county", PASSWORD, Roles.LOCAL, "640422");

        portA = freePort();
        logA = Files.createTempFile("sanbao-instance-a", ".log");
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), SanbaoApplication.class.getName()));
        cmd.addAll(args(portA, "instance-a"));
        a = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logA.toFile()).start();
        long until = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (!ready(portA)) {
            assertThat(a.isAlive()).as("instance A stopped; log: " + logA).isTrue();
            assertThat(System.nanoTime()).as("instance A did not become ready; log: " + logA).isLessThan(until);
            Thread.sleep(500);
        }
    }

    /** As command-line arguments, which come before application.properties. */
    static List<String> args(int port, String name) {
        List<String> args = new ArrayList<>();
        props(port, name).forEach((k, v) -> args.add("--" + k + "=" + v));
        return args;
    }

    static Map<String, Object> props(int port, String name) {
        Map<String, Object> p = InstanceProperties.of(url, port);
        p.put("sanbao.warnings.sms.url", "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms");
        p.put("sanbao.warnings.dispatch.interval", "PT0.2S");
        p.put("sanbao.warnings.dispatch.lock-at-least-for", "PT0.1S"); // A keeps racing B every 0.2 s
        p.put("sanbao.warnings.dispatch.initial-delay", "PT1S");
        p.put("sanbao.intake.payment-job-heartbeat", "PT1S");
        p.put("sanbao.intake.payment-job-stale", "PT5S");
        p.put("sanbao.intake.payment-job-recovery-interval", "PT2S");
        p.put("spring.main.sources", TickProbe.class.getName());
        p.put("sanbao.test.instance", name);
        return p;
    }

    @AfterAll
    static void stop() {
        if (a != null) a.destroyForcibly();
        if (b != null) b.close();
        if (gateway != null) gateway.stop(0);
    }

    @Test
    @Order(1)
    void aSessionSignedInOnAWorksOnBAndIsEndedForBothWhenRevoked() throws Exception {
        String session = signIn(portA, "cluster-county");
        HttpResponse<String> onB = get(portB, "/dashboard", session);
        assertThat(onB.statusCode()).as(onB.headers().toString()).isEqualTo(200);
        assertThat(onB.body()).contains(">cluster-county<", "县级用户"); // B knows who signed in on A
        assertThat(get(portB, "/dashboard", null).statusCode()).isIn(302, 401); // without the cookie: sign in first

        b.getBean(SessionRevoker.class).endSessionsOf("cluster-county");
        HttpResponse<String> onA = get(portA, "/dashboard", session);
        assertThat(onA.statusCode()).isEqualTo(302);
        assertThat(onA.headers().firstValue("Location").orElse("")).endsWith("/login?expired");
    }

    @Test
    @Order(2)
    void scheduledJobsOnSharedDataRunOncePerTickAcrossInstances() throws Exception {
        // every job that acts on shared data carries a cluster-wide lock
        var scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter((r, f) -> true);
        List<String> unlocked = new ArrayList<>();
        for (var bd : scan.findCandidateComponents("cn.sanbao")) {
            if (((org.springframework.beans.factory.support.AbstractBeanDefinition) bd).getResource().getURL().toString().contains("test-classes")) continue;
            for (Method m : Class.forName(bd.getBeanClassName()).getDeclaredMethods())
                if (m.isAnnotationPresent(Scheduled.class) && !m.isAnnotationPresent(SchedulerLock.class))
                    unlocked.add(m.getDeclaringClass().getSimpleName() + "." + m.getName());
        }
        // the failed sign-in buffer is per instance: each flushes its own
        assertThat(unlocked).containsExactly("FailedSignInAudit.flush");

        // and the lock works between two instances: a probe ticking every second on both runs once per tick, so
        // never twice within one second, however late a scheduler thread on a busy machine starts it
        JdbcClient jdbc = b.getBean(JdbcClient.class);
        long from = System.currentTimeMillis();
        Thread.sleep(6_000);
        List<Long> runs = jdbc.sql("select tick_second from test_tick where tick_second >= ? order by tick_second")
                .param(from).query(Long.class).list();
        assertThat(runs).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < runs.size(); i++) assertThat(runs.get(i) - runs.get(i - 1)).as("ms between runs").isGreaterThanOrEqualTo(900);
        assertThat(jdbc.sql("select count(distinct instance) from test_tick").query(Long.class).single()).isBetween(1L, 2L);
        assertThat(jdbc.sql("select count(*) from shedlock where name = 'outbox-dispatch'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aThousandQueuedMessagesAreEachDeliveredOnceWhileTheInstancesRace() throws Exception {
        long[] warning = warning(b.getBean(JdbcClient.class));
        OutboxRepository outbox = b.getBean(OutboxRepository.class);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String key = "RACE-" + i + "-" + UUID.randomUUID();
            keys.add(key);
            outbox.insert(warning[0], warning[1], "640422", "UNIT", "测试联系人", "SMS", "13800000000",
                    "提示", "【三保预警】测试消息 " + i, key, LocalDateTime.now().minusSeconds(1));
        }
        // A dispatches on its schedule (every 0.2 s); B races it with three dispatchers of its own
        OutboxDispatcher dispatcher = b.getBean(OutboxDispatcher.class);
        AtomicInteger byB = new AtomicInteger();
        List<Thread> racers = new ArrayList<>();
        for (int t = 0; t < 3; t++) racers.add(start(() -> {
            long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < until && keys.stream().anyMatch(k -> !delivered.containsKey(k)))
                byB.addAndGet(dispatcher.dispatchDue());
        }));
        for (Thread t : racers) t.join();

        for (String key : keys) assertThat(delivered.get(key)).as(key).isNotNull().hasValue(1);
        JdbcClient jdbc = b.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from warning_outbox where idempotency_key like 'RACE-%' and status = 'SENT'")
                .query(Long.class).single()).isEqualTo(MESSAGES);
        assertThat(byB.get()).as("B delivered some").isPositive().as("A delivered some").isLessThan(MESSAGES);
    }

    @Test
    @Order(4)
    void killingADuringAPaymentImportLeavesNoPartialRevisionAndBImportsNext() throws Exception {
        JdbcClient jdbc = b.getBean(JdbcClient.class);
        long revisionsBefore = jdbc.sql("select count(*) from fact_revision").query(Long.class).single();
        long job = upload(portA, "大文件.csv", payments(600_000));
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (jdbc.sql("select rows_done from payment_import where id = ?").param(job).query(Long.class).single() == 0) {
            assertThat(System.nanoTime()).as("A never started the import; log: " + logA).isLessThan(until);
            Thread.sleep(100);
        }
        a.destroyForcibly().waitFor(); // kill -9: no shutdown hook, no rollback by the application

        until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!"FAILED".equals(jdbc.sql("select status from payment_import where id = ?").param(job).query(String.class).single())) {
            assertThat(System.nanoTime()).as("B did not settle A's job").isLessThan(until);
            Thread.sleep(500);
        }
        assertThat(jdbc.sql("select message from payment_import where id = ?").param(job).query(String.class).single())
                .isEqualTo("服务重启，导入未完成，请重新上传");
        assertThat(jdbc.sql("select count(*) from fact_revision").query(Long.class).single()).isEqualTo(revisionsBefore);
        assertThat(jdbc.sql("select count(*) from payment_import_revision where import_id = ?").param(job).query(Long.class).single()).isZero();

        long next = upload(portB, "小文件.csv", payments(2_000));
        String status = "RUNNING";
        until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while ("RUNNING".equals(status) && System.nanoTime() < until) {
            Thread.sleep(300);
            status = jdbc.sql("select status from payment_import where id = ?").param(next).query(String.class).single();
        }
        assertThat(status).isEqualTo("DONE");
        assertThat(jdbc.sql("select count(*) from fact_revision").query(Long.class).single()).isEqualTo(revisionsBefore + 1);
        // B keeps serving after A is gone
        assertThat(get(portB, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    /** A scheduled job on both instances (only these two), every second under the cluster lock; records each run. */
    @Component
    @ConditionalOnProperty("sanbao.test.instance")
    static class TickProbe {
        private final JdbcClient jdbc;
        private final String instance;

        TickProbe(JdbcClient jdbc, @Value("${sanbao.test.instance}") String instance) {
            this.jdbc = jdbc;
            this.instance = instance;
        }

        @Scheduled(cron = "* * * * * *")
        @SchedulerLock(name = "test-probe", lockAtLeastFor = "PT0.9S")
        public void tick() { // tick_second holds the run's start in milliseconds
            jdbc.sql("insert into test_tick (tick_second, instance) values (?, ?)")
                    .params(System.currentTimeMillis(), instance).update();
        }
    }

    /** The smallest publication with one warning that outbox rows can refer to: {publication id, warning id}. */
    static long[] warning(JdbcClient jdbc) {
        LocalDateTime now = LocalDateTime.now();
        jdbc.sql("insert into scoring_run (period, period_type, model_version_id, unit_count, started_by, started_at, finished_at) "
                + "values ('2063-03', 'MONTH', (select min(id) from model_version), 0, 'test', ?, ?)").params(now, now).update();
        long run = jdbc.sql("select max(id) from scoring_run").query(Long.class).single();
        jdbc.sql("insert into warning_publication (period, run_id, published_by, published_at, warning_count, message_count) "
                + "values ('2063-03', ?, 'test', ?, 1, 0)").params(run, now).update();
        long publication = jdbc.sql("select max(id) from warning_publication").query(Long.class).single();
        jdbc.sql("insert into warning_case (unit_code, status, opened_period, last_period, opened_at, plan_deadline, rectify_deadline, "
                + "updated_at) values ('640422', 'OPEN', '2063-03', '2063-03', ?, ?, ?, ?)")
                .params(now, now.toLocalDate(), now.toLocalDate(), now).update();
        long kase = jdbc.sql("select max(id) from warning_case").query(Long.class).single();
        jdbc.sql("insert into warning (publication_id, case_id, unit_code, period, grade_name, causes, letter_year, letter_seq, "
                + "letter_no, created_at) values (?, ?, '640422', '2063-03', '高度风险', '测试', 2063, 1, '测试〔2063〕1号', ?)")
                .params(publication, kase, now).update();
        return new long[]{publication, jdbc.sql("select max(id) from warning").query(Long.class).single()};
    }

    static byte[] payments(int rows) {
        StringBuilder sb = new StringBuilder("单位代码 unit_code,支付日期 pay_date,金额（元） amount,支出功能分类 function_code,经济分类 economic_code,项目代码 project_code,预算单位 agency\n");
        for (int i = 0; i < rows; i++) sb.append("640422,2063-01-05,10.00,2010101,30101,P-").append(i).append(",县财政局\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static long upload(int port, String name, byte[] csv) throws Exception {
        String boundary = "----sanbao" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"period\"\r\n\r\n2063-01\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(csv);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/intake/payments"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("cluster-analyst:" + PASSWORD).getBytes()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        Matcher m = Pattern.compile("\"jobId\"\\s*:\\s*(\\d+)").matcher(r.body());
        assertThat(m.find()).as(r.body()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Signs in through the form (with its CSRF token) and returns the session cookie. */
    static String signIn(int port, String user) throws Exception {
        HttpResponse<String> form = get(port, "/login", null);
        String cookie = cookie(form, null);
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        String data = "username=" + user + "&password=" + PASSWORD + "&_csrf=" + java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(data)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/home");
        return cookie(r, cookie);
    }

    static String cookie(HttpResponse<?> r, String before) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).map(c -> c.split(";")[0])
                .findFirst().orElse(before);
    }

    static HttpResponse<String> get(int port, String path, String cookie) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (cookie != null) req.header("Cookie", cookie);
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static boolean ready(int port) {
        try {
            return get(port, "/actuator/health/readiness", null).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static Thread start(Runnable r) {
        Thread t = new Thread(r, "outbox-racer");
        t.start();
        return t;
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
