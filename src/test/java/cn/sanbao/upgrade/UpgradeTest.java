package cn.sanbao.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanbao.SanbaoApplication;
import cn.sanbao.audit.AuditTrail;
import cn.sanbao.audit.ChainCheck;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import cn.sanbao.testsupport.EmbeddedPostgresSupport;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * A database as each kept release left it, with data, upgrades to the current schema with the shipped Flyway
 * settings and keeps every row. The old database is built from the release's own migration files (those its
 * upgrade/&lt;release&gt;/migrations.tsv names, checksums checked) and its data fixture (upgrade/&lt;release&gt;/data/*.sql,
 * run in name order; a file named *.h2.sql or *.postgresql.sql only on that database). One test, run once per database (a plain JUnit test: it builds its own databases, no Spring test context).
 */
@Tag("postgres")
class UpgradeTest {

    record Database(String url, String user, String password) {
    }

    private String vendor;

    /** Flyway's folder name for this database under db/vendor. */
    String vendor() { return vendor; }

    /** A new empty database. */
    Database newDatabase() {
        if (vendor.equals("h2")) return new Database("jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        return new Database(EmbeddedPostgresSupport.createDatabase(), EmbeddedPostgresSupport.username(), EmbeddedPostgresSupport.password());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void eachKeptReleaseWithItsDataUpgradesToTheCurrentSchemaAndKeepsEveryRow(String database) throws Exception {
        vendor = database;
        List<String> upgraded = new ArrayList<>();
        for (String release : ShippedMigrations.releases()) {
            if (fixture(release).isEmpty()) continue;
            Database db = upgrade(release);
            theApplicationStartsOnItAndTheAuditChainStillVerifies(release, db);
            upgraded.add(release);
        }
        assertThat(upgraded).as("上一版 %s 必须带数据样例（upgrade/%<s/data）", ShippedMigrations.lastRelease())
                .contains(ShippedMigrations.lastRelease());
    }

    /** Builds the release's database with data, upgrades it, and returns the database for further checks. */
    Database upgrade(String release) throws Exception {
        Database db = newDatabase();
        Path files = Files.createTempDirectory("sanbao-release-" + release);
        ShippedMigrations.configure(db.url(), db.user(), db.password(), ShippedMigrations.releaseLocations(release, vendor(), files))
                .load().migrate();
        TableSnapshot before;
        try (Connection c = connect(db)) {
            for (Resource script : fixture(release)) ScriptUtils.executeSqlScript(c, new EncodedResource(script, StandardCharsets.UTF_8));
            before = TableSnapshot.of(c);
        }
        assertThat(before.emptyTables()).as("upgrade/%s/data 的数据样例应覆盖上一版的每张表；为这些表加几行", release).isEmpty();

        var result = ShippedMigrations.configure(db.url(), db.user(), db.password(), ShippedMigrations.currentLocations(vendor()))
                .outOfOrder(ShippedMigrations.outOfOrder()).load().migrate();
        assertThat(result.success).as("%s 的数据库升级到当前结构", release).isTrue();
        var info = ShippedMigrations.configure(db.url(), db.user(), db.password(), ShippedMigrations.currentLocations(vendor()))
                .outOfOrder(ShippedMigrations.outOfOrder()).load().info();
        assertThat(Arrays.stream(info.all()).filter(m -> m.getState() != MigrationState.SUCCESS && m.getState() != MigrationState.OUT_OF_ORDER)
                .map(m -> m.getScript() + "：" + m.getState()).toList())
                .as("升级后每个当前迁移都已成功执行").isEmpty();

        try (Connection c = connect(db)) {
            TableSnapshot after = TableSnapshot.of(c, before);
            assertThat(before.content().keySet().stream()
                    .filter(t -> !after.content().get(t).equals(before.content().get(t)))
                    .map(t -> t + "：升级前 " + before.content().get(t) + "，升级后 " + after.content().get(t)).toList())
                    .as("%s 的数据库升级后，每张表（按升级前的列）的行数和内容不变", release).isEmpty();
        }
        return db;
    }

    /** The application itself (its Flyway validation, its reads) works on the upgraded database. */
    private void theApplicationStartsOnItAndTheAuditChainStillVerifies(String release, Database db) throws IOException {
        Properties settings = new Properties();
        Resource own = new PathMatchingResourcePatternResolver().getResource("classpath:upgrade/" + release + "/application.properties");
        if (own.exists()) try (var in = own.getInputStream()) {
            settings.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--sanbao.demo.enabled=false",
                "--sanbao.reports.schedule.weekly=-", "--sanbao.reports.schedule.monthly=-",
                "--sanbao.audit.anchor-file=" + Files.createTempFile("sanbao-upgrade-anchor", ".log")));
        settings.forEach((k, v) -> args.add("--" + k + "=" + v));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SanbaoApplication.class).run(args.toArray(String[]::new))) {
            ChainCheck check = app.getBean(AuditTrail.class).verify();
            assertThat(check.reason()).as("%s 的审计链升级后仍可校验", release).isNull();
            assertThat(check.intact()).isTrue();
            assertThat(check.checked()).isGreaterThanOrEqualTo(3);
        }
    }

    private List<Resource> fixture(String release) throws IOException {
        Resource[] all = new PathMatchingResourcePatternResolver().getResources("classpath*:upgrade/" + release + "/data/*.sql");
        return Arrays.stream(all).filter(r -> forThisDatabase(r.getFilename()))
                .sorted(Comparator.comparing(Resource::getFilename)).toList();
    }

    private boolean forThisDatabase(String file) {
        String[] parts = file.split("\\.");
        return parts.length == 2 || parts[parts.length - 2].equals(vendor());
    }

    static Connection connect(Database db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }
}
