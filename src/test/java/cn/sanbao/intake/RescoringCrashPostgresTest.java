package cn.sanbao.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanbao.SanbaoApplication;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.security.AccountService;
import cn.sanbao.security.Roles;
import cn.sanbao.security.TestAccounts;
import cn.sanbao.testsupport.EmbeddedPostgresSupport;
import cn.sanbao.testsupport.InstanceProperties;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The FactRevisionStored event survives a crash between the import's commit and its handling (docs/operations.md):
 * instance A, a separate JVM, stores an import with 重新评分; its listener is held at its first statement by a table
 * lock this test takes (no hook in the application); A is killed with kill -9 while the listener waits. The
 * restarted instance republishes the outstanding publication and the run happens exactly once.
 */
@Tag("postgres")
class RescoringCrashPostgresTest {

    static final String PASSWORD = "Tallow-Bridge-77";
    static final String PERIOD = "2094-01";
    static final HttpClient http = HttpClient.newHttpClient();

    static Process a;
    static ConfigurableApplicationContext restarted;

    @AfterAll
    static void stop() {
        if (a != null) a.destroyForcibly();
        if (restarted != null) restarted.close();
    }

    @Test
    void aListenerKilledMidwayRunsOnceAfterTheRestart() throws Exception {
        String url = EmbeddedPostgresSupport.createDatabase();
        Path ready = Files.createTempFile("sanbao-crash-ready", ".txt");
        Files.delete(ready);
        Path log = Files.createTempFile("sanbao-crash-a", ".log");
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), InstanceA.class.getName(), ready.toString()));
        cmd.addAll(List.of(InstanceProperties.args(props(url, port))));
        a = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!Files.exists(ready)) {
            assertThat(a.isAlive()).as("instance A stopped; log: " + log).isTrue();
            assertThat(System.nanoTime()).as("instance A did not start; log: " + log).isLessThan(until);
            Thread.sleep(500);
        }

        try (Connection holder = DriverManager.getConnection(url, EmbeddedPostgresSupport.username(), EmbeddedPostgresSupport.password());
             Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("lock table rescoring_request in exclusive mode"); // the listener's claim will wait here

            long revision = upload(port);
            // committed: the revision and its event publication are in the database, the listener is waiting
            JdbcClient jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(url,
                    EmbeddedPostgresSupport.username(), EmbeddedPostgresSupport.password()));
            assertThat(jdbc.sql("select count(*) from fact_revision where id = ?").param(revision).query(Long.class).single()).isOne();
            until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'insert into rescoring_request%'")
                    .query(Long.class).single() == 0) {
                assertThat(System.nanoTime()).as("A's listener never reached its claim; log: " + log).isLessThan(until);
                Thread.sleep(200);
            }
            assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single()).isOne();

            a.destroyForcibly().waitFor(); // kill -9: the listener's transaction dies with the process
            holder.rollback();
            assertThat(jdbc.sql("select count(*) from scoring_run where period = ?").param(PERIOD).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single()).isOne();

            // the restart republishes the outstanding publication
            restarted = new SpringApplicationBuilder(SanbaoApplication.class)
                    .run(InstanceProperties.args(props(url, freePort())));
            until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (jdbc.sql("select count(*) from event_publication").query(Long.class).single() > 0) {
                assertThat(System.nanoTime()).as("the publication was not completed after the restart").isLessThan(until);
                Thread.sleep(300);
            }
            assertThat(restarted.getBean(ScoringRunService.class).runs(PERIOD)).singleElement()
                    .satisfies(r -> assertThat(r.note()).isEqualTo("数据修订 #" + revision + " 导入后重新评分"));
            assertThat(jdbc.sql("select count(*) from rescoring_request where revision_id = ? and run_id is not null")
                    .param(revision).query(Long.class).single()).isOne();
        }
    }

    /** Instance A: the application plus an analyst account, then a marker file saying it is ready. */
    public static final class InstanceA {
        public static void main(String[] args) throws Exception {
            ConfigurableApplicationContext ctx = SpringApplication.run(SanbaoApplication.class, java.util.Arrays.copyOfRange(args, 1, args.length));
            TestAccounts.create(ctx.getBean(AccountService.class), "crash-analyst", PASSWORD, Roles.ANALYST, null);
            Files.writeString(Path.of(args[0]), "ready");
        }
    }

    static Map<String, Object> props(String url, int port) {
        return InstanceProperties.of(url, port);
    }

    static long upload(int port) throws Exception {
        byte[] file = IntakeBadFiles.workbook(s -> s.getRow(1).getCell(1).setCellValue(PERIOD));
        String boundary = "----sanbao" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"period\"\r\n\r\n" + PERIOD + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"rescore\"\r\n\r\ntrue\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"crash.xlsx\"\r\nContent-Type: " + IntakeFileTest.XLSX
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/intake/files"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("crash-analyst:" + PASSWORD).getBytes()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("已提交重新评分");
        Matcher m = Pattern.compile("\"revisionId\"\\s*:\\s*(\\d+)").matcher(r.body());
        assertThat(m.find()).as(r.body()).isTrue();
        return Long.parseLong(m.group(1));
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
