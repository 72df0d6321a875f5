package cn.sanbao.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database installed from the release that had V620/V621 but not yet V610 (added later with a lower number)
 * still upgrades with the shipped Flyway settings, and keeps its data.
 */
class MigrationOrderTest {

    @Test
    void aDatabaseFromTheReleaseBeforeV610UpgradesToTheCurrentSchema(@TempDir Path old) throws Exception {
        Path current = Path.of(MigrationOrderTest.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(current)) {
            for (Path f : files.toList()) {
                int version = Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"));
                if (version <= 621 && version != 610) Files.copy(f, old.resolve(f.getFileName()));
            }
        }
        String url = "jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("filesystem:" + old).load().migrate();
        try (var c = DriverManager.getConnection(url, "sa", ""); var s = c.createStatement()) {
            s.execute("insert into data_item (code, name, unit, nature, frequency, non_negative, description) "
                    + "values ('old_item', '旧库数据项', 'YUAN', 'FLOW', 'MONTHLY', true, '升级前的数据')");
        }

        Properties shipped = new Properties();
        try (InputStream in = MigrationOrderTest.class.getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration", "classpath:db/vendor/h2")
                .outOfOrder(Boolean.parseBoolean(shipped.getProperty("spring.flyway.out-of-order", "false")))
                .load().migrate();

        try (var c = DriverManager.getConnection(url, "sa", ""); var s = c.createStatement()) {
            var rs = s.executeQuery("select count(*) from \"flyway_schema_history\" where \"version\" = '610' and \"success\"");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            rs = s.executeQuery("select name from data_item where code = 'old_item'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("旧库数据项");
            rs = s.executeQuery("select count(*) from api_token");
            assertThat(rs.next()).isTrue();
        }
    }
}
