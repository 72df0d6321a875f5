package cn.sanbao.upgrade;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The migrations as shipped: the Flyway settings of application.properties, and the releases listed under
 * src/test/resources/upgrade/ (releases.txt, oldest first; each release's folder holds migrations.tsv, its migration
 * files with their Flyway checksums, and the upgrade test's data). Adding a release is adding its folder and one line.
 */
final class ShippedMigrations {

    static final List<String> VENDORS = List.of("h2", "postgresql");

    /** One migration file: the location it lives in (without classpath:), its version, script and Flyway checksum. */
    record Migration(String location, String version, String script, Integer checksum) {

        MigrationVersion flywayVersion() {
            return MigrationVersion.fromVersion(version);
        }

        String line() {
            return location + "\t" + version + "\t" + script + "\t" + checksum;
        }

        static Migration parse(String line) {
            String[] f = line.split("\t");
            return new Migration(f[0], f[1], f[2], Integer.valueOf(f[3]));
        }
    }

    private ShippedMigrations() {
    }

    /** Release folder names under upgrade/, oldest first. */
    static List<String> releases() {
        return lines("/upgrade/releases.txt");
    }

    static String lastRelease() {
        List<String> all = releases();
        return all.get(all.size() - 1);
    }

    /** The list kept for a release (upgrade/<release>/migrations.tsv). */
    static List<Migration> released(String release) {
        return lines("/upgrade/" + release + "/migrations.tsv").stream().map(Migration::parse).toList();
    }

    /** Locations of the current build for one database, as application.properties sets them ({vendor} filled in). */
    static List<String> currentLocations(String vendor) {
        return Arrays.stream(shipped().getProperty("spring.flyway.locations", "classpath:db/migration").split(","))
                .map(String::strip).map(l -> l.replace("{vendor}", vendor)).toList();
    }

    /**
     * The migration files of a release for one database, copied into {@code dir}: the files of the current build that
     * the release's list names (released files never change, see MigrationNumberingTest, so these are the release's
     * own files), checked against the list's checksums. Returns the Flyway locations to build the release's database.
     */
    static List<String> releaseLocations(String release, String vendor, Path dir) throws IOException {
        List<Migration> wanted = released(release).stream()
                .filter(m -> !m.location().startsWith("db/vendor/") || m.location().equals("db/vendor/" + vendor)).toList();
        List<String> locations = new ArrayList<>();
        for (Migration m : wanted) {
            Path folder = dir.resolve(m.location());
            if (!locations.contains("filesystem:" + folder)) locations.add("filesystem:" + folder);
            try (InputStream in = ShippedMigrations.class.getResourceAsStream("/" + m.location() + "/" + m.script())) {
                if (in == null) throw new AssertionError(m.location() + "/" + m.script() + "（随 " + release + " 发布）已被删除或改名：见 MigrationNumberingTest");
                Files.createDirectories(folder);
                Files.copy(in, folder.resolve(m.script()));
            }
        }
        List<Migration> copied = scan(locations, dir + "/");
        if (!copied.containsAll(wanted) || copied.size() != wanted.size())
            throw new AssertionError("随 " + release + " 发布的迁移已被改动（校验和与 upgrade/" + release + "/migrations.tsv 不符）：见 MigrationNumberingTest");
        return locations;
    }

    static boolean outOfOrder() {
        return Boolean.parseBoolean(shipped().getProperty("spring.flyway.out-of-order", "false"));
    }

    /** Every migration file found in the given locations, each with the location it came from. */
    static List<Migration> scan(List<String> locations, String prefixToDrop) {
        List<Migration> found = new ArrayList<>();
        for (String location : locations) {
            // Flyway resolves and checksums the files; an empty in-memory database is all info() needs.
            var flyway = configure("jdbc:h2:mem:scan-" + UUID.randomUUID(), "sa", "", List.of(location)).load();
            String name = location.replaceFirst("^(classpath|filesystem):", "").replace(prefixToDrop, "");
            for (var info : flyway.info().all()) {
                if (info.getVersion() == null) continue;
                found.add(new Migration(name, info.getVersion().getVersion(), info.getScript(), info.getChecksum()));
            }
        }
        return found;
    }

    /** All migrations of the current build, over every database's vendor folder, each file once. */
    static List<Migration> current() {
        List<Migration> all = new ArrayList<>();
        for (String vendor : VENDORS) {
            for (Migration m : scan(currentLocations(vendor), "")) if (!all.contains(m)) all.add(m);
        }
        return all;
    }

    static FluentConfiguration configure(String url, String user, String password, List<String> locations) {
        return Flyway.configure().dataSource(url, user, password).locations(locations.toArray(String[]::new))
                .cleanDisabled(true);
    }

    private static Properties shipped() {
        Properties p = new Properties();
        try (InputStream in = ShippedMigrations.class.getResourceAsStream("/application.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static List<String> lines(String resource) {
        InputStream in = ShippedMigrations.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("缺少 src/test/resources" + resource);
        try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
