package cn.sanbao.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanbao.testsupport.EmbeddedPostgresSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Packaging (no Docker engine on the build machine): the Dockerfile, docker-compose.yml and the systemd unit have
 * the parts operations rely on, and the jar built by ./mvnw package starts with the Dockerfile's own arguments on
 * PostgreSQL and answers the health check the container uses.
 */
@Tag("postgres")
class PackagingTest {

    static final Path ROOT = Path.of("").toAbsolutePath();

    static List<String> dockerfile() throws IOException {
        // continuation lines joined, comments dropped
        String text = Files.readString(ROOT.resolve("Dockerfile")).replaceAll("\\\\\\n\\s*", " ");
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** ENTRYPOINT in exec form, as a list. */
    static List<String> entrypoint() throws IOException {
        String line = dockerfile().stream().filter(l -> l.startsWith("ENTRYPOINT ")).reduce((a, b) -> b).orElseThrow();
        List<String> args = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(line);
        while (m.find()) args.add(m.group(1));
        return args;
    }

    @Test
    void dockerfileIsMultiStageOnJdk17RunsAsNonRootAndChecksHealth() throws IOException {
        List<String> lines = dockerfile();
        List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(from).hasSizeGreaterThanOrEqualTo(2);
        assertThat(from.get(0)).contains(" AS build");
        assertThat(from.get(from.size() - 1)).matches("FROM eclipse-temurin:17-(jre|jdk).*");
        assertThat(lines).anyMatch(l -> l.startsWith("COPY --from=build ") && l.contains("sanbao.jar"));
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(user.substring(5).strip()).isNotIn("root", "0");
        assertThat(lines.indexOf(user)).isGreaterThan(lines.indexOf(from.get(from.size() - 1)));
        assertThat(lines).anyMatch(l -> l.startsWith("HEALTHCHECK ") && l.contains("/actuator/health"));
        assertThat(entrypoint()).startsWith("java", "-jar").contains("--spring.profiles.active=postgres");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsPostgresUnderItsProfileWithSecretsAndNoDefaultPasswords() throws IOException {
        String text = Files.readString(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> compose = new Yaml().load(text);
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("postgres", "sanbao");
        services.values().forEach(s -> assertThat((List<String>) s.get("profiles")).contains("postgres"));
        Map<String, Object> app = services.get("sanbao"), db = services.get("postgres");
        assertThat((Map<String, Object>) app.get("depends_on")).containsKey("postgres");
        Map<String, Object> env = (Map<String, Object>) app.get("environment");
        assertThat(env).containsKeys("SANBAO_DB_URL", "SANBAO_DB_USER", "SANBAO_AUDIT_KEY_FILE");
        assertThat((List<String>) app.get("secrets")).contains("SANBAO_DB_PASSWORD", "sanbao_audit_key");
        assertThat((Map<String, Object>) db.get("environment")).containsEntry("POSTGRES_PASSWORD_FILE", "/run/secrets/SANBAO_DB_PASSWORD")
                .doesNotContainKey("POSTGRES_PASSWORD");
        // no password, key or token is written into the file: only required variables and secret files
        assertThat(text).doesNotContainPattern("(?i)(PASSWORD|SECRET|KEY)\\s*[:=]\\s*['\"]?[A-Za-z0-9]{4,}['\"]?\\s*$");
        assertThat(env.get("SANBAO_ADMIN_PASSWORD").toString()).startsWith("${SANBAO_ADMIN_PASSWORD:?");
        Map<String, Map<String, Object>> secrets = (Map<String, Map<String, Object>>) compose.get("secrets");
        secrets.values().forEach(s -> assertThat(s).containsKey("file"));
    }

    @Test
    void systemdUnitRunsTheJarWithTheDockerfileArgumentsAsItsOwnUser() throws IOException {
        List<String> unit = Files.readAllLines(ROOT.resolve("deploy/sanbao.service"));
        assertThat(unit).contains("[Unit]", "[Service]", "[Install]", "User=sanbao", "Restart=on-failure");
        String exec = unit.stream().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
        List<String> args = Arrays.asList(exec.substring("ExecStart=".length()).split(" "));
        List<String> docker = entrypoint();
        assertThat(args.get(0)).endsWith("/java");
        assertThat(args.subList(1, args.size())).isEqualTo(docker.subList(1, docker.size()));
        assertThat(unit).anyMatch(l -> l.startsWith("EnvironmentFile="));
    }

    @Test
    void theBuiltJarStartsWithTheDockerfileArgumentsAndReportsHealthy(@TempDir Path dir) throws Exception {
        Path jar = ROOT.resolve("target/sanbao.jar");
        Assumptions.assumeTrue(Files.exists(jar), "target/sanbao.jar 不存在：先运行 ./mvnw package -DskipTests");
        List<String> command = new ArrayList<>(entrypoint());
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.set(command.indexOf("/opt/sanbao/sanbao.jar"), jar.toString());
        Files.writeString(dir.resolve("audit.key"), "packaging-test-audit-key-0123456789");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile());
        pb.environment().put("SANBAO_DB_URL", EmbeddedPostgresSupport.createDatabase());
        pb.environment().put("SANBAO_DB_USER", EmbeddedPostgresSupport.username());
        pb.environment().put("SANBAO_DB_PASSWORD", EmbeddedPostgresSupport.password());
        pb.environment().put("SANBAO_AUDIT_KEY_FILE", dir.resolve("audit.key").toString());
        pb.environment().put("SANBAO_ADMIN_PASSWORD", "Packaging-Test-Admin-9");
        pb.environment().put("SERVER_PORT", Integer.toString(port));
        Process p = pb.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
            String body = null;
            while (System.nanoTime() < deadline && p.isAlive()) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        body = r.body();
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(1000);
            }
            assertThat(body).as(Files.readString(dir.resolve("out.log"))).contains("\"UP\"");
        } finally {
            p.destroy();
            p.waitFor();
        }
    }
}
