package cn.sanbao.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import cn.sanbao.SanbaoApplication;
import cn.sanbao.security.AccountService;
import cn.sanbao.security.ApiTokens;
import cn.sanbao.security.Roles;

/**
 * API authentication cost (not a unit test, asserts nothing): the same cheap GET /api/runs with HTTP Basic (a
 * bcrypt per request) and with an API token (a SHA-256 and an indexed lookup), from a few concurrent clients on
 * loopback, printed as requests per second. Arguments (optional): requests per scheme (400), concurrency (8).
 */
public final class ApiTokenBenchmark {

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        ConfigurableApplicationContext app = new SpringApplication(SanbaoApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + Files.createTempDirectory("sanbao-token-bench") + "/db", "--sanbao.demo.enabled=false");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            AccountService accounts = app.getBean(AccountService.class);
            accounts.create("benchmark", "bench", "基准用户", "Speed-test-2021");
            accounts.assignRole("benchmark", "bench", Roles.ANALYST, null);
            accounts.changeOwnPassword("bench", "Speed-test-2021", "Speed-test-2022", null);
            String token = app.getBean(ApiTokens.class).issue("benchmark", "基准", Roles.ANALYST, null, null).secret();
            String basic = "Basic " + Base64.getEncoder().encodeToString("bench:Speed-test-2022".getBytes(StandardCharsets.UTF_8));
            URI uri = URI.create("http://localhost:" + port + "/api/runs");
            rate("HTTP Basic", uri, basic, requests / 10, concurrency); // warm-up
            rate("接口令牌", uri, "Bearer " + token, requests / 10, concurrency);
            double b = rate("HTTP Basic", uri, basic, requests, concurrency);
            double t = rate("接口令牌", uri, "Bearer " + token, requests, concurrency);
            System.out.printf("API 认证吞吐（并发 %d，GET /api/runs）：HTTP Basic %.1f 次/秒，接口令牌 %.1f 次/秒（%.0f 倍）%n", concurrency, b, t, t / b);
        } finally {
            app.close();
        }
    }

    static double rate(String label, URI uri, String authorization, int requests, int concurrency) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            for (int i = 0; i < requests; i++) {
                pool.submit(() -> {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", authorization).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 200) failed.incrementAndGet();
                    return null;
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
        }
        double perSecond = requests / ((System.nanoTime() - start) / 1e9);
        System.out.printf("%s：%d 次请求，%.1f 次/秒，失败 %d%n", label, requests, perSecond, failed.get());
        return perSecond;
    }
}
