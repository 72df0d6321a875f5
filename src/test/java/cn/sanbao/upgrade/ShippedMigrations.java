package cn.sanbao.upgrade;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The migrations as shipped: the Flyway settings of application.properties, and the releases kept under
 * src/test/resources/upgrade/ (releases.txt lists them oldest first; each folder holds the release's own migration
 * files and migrations.tsv, their Flyway checksums). Adding a release is adding its folder and one line.
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

    /** Locations of a kept release for one database: its db/migration and db/vendor/<vendor> folders. */
    static List<String> releaseLocations(String release, String vendor) {
        return List.of("classpath:upgrade/" + release + "/db/migration", "classpath:upgrade/" + release + "/db/vendor/" + vendor);
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
            String name = location.replaceFirst("^classpath:", "").replace(prefixToDrop, "");
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

    /** All migrations of a kept copy, named by their location in the release (db/migration, db/vendor/h2, ...). */
    static List<Migration> keptCopy(String release) {
        List<Migration> all = new ArrayList<>();
        for (String vendor : VENDORS) {
            for (Migration m : scan(releaseLocations(release, vendor), "upgrade/" + release + "/")) {
                if (!all.contains(m)) all.add(m);
            }
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
