package cn.sanbao.backup;

import cn.sanbao.kernel.Period;
import cn.sanbao.intake.PaymentPartitionRepository;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * PostgreSQL logical backup through the JDBC driver's COPY, for when no pg_dump of the server's major version is at
 * hand (the embedded test server ships without one). One consistent snapshot (REPEATABLE READ, read only) of every
 * table of the schema except Flyway's history, each table in binary COPY format ordered by its primary key, plus a
 * manifest (schema version, tables, rows). Restore into an EMPTY database: Flyway builds the same schema version,
 * the rows the migrations seed are replaced, the tables are loaded parents first, identity sequences are moved past
 * the restored ids, and payment_detail gets its month partitions back. pg_dump/pg_restore remain the first choice in
 * production (docs/operations-backup.md).
 */
public final class PostgresBackup {

    static final String MANIFEST = "manifest.properties";
    public static final String[] LOCATIONS = {"classpath:db/migration", "classpath:db/vendor/postgresql"};

    private PostgresBackup() {
    }

    /** Writes the backup into a new (or empty) directory; returns table → rows. */
    public static Map<String, Long> backup(DataSource ds, Path dir) {
        try (Connection c = ds.getConnection()) {
            emptyDirectory(dir);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            Map<String, Long> rows = new LinkedHashMap<>();
            Properties manifest = new Properties();
            manifest.setProperty("schema-version", schemaVersion(c));
            for (String table : tablesParentsFirst(c)) {
                String order = String.join(", ", primaryKey(c, table));
                String sql = "COPY (SELECT * FROM " + table + (order.isEmpty() ? "" : " ORDER BY " + order) + ") TO STDOUT (FORMAT binary)";
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(table + ".copy")))) {
                    rows.put(table, copy(c, "copyOut", sql, out));
                }
            }
            c.commit();
            manifest.setProperty("tables", String.join(",", rows.keySet()));
            rows.forEach((t, n) -> manifest.setProperty("rows." + t, Long.toString(n)));
            manifest.setProperty("payment-months", String.join(",", new PaymentPartitionRepository(ds).months()));
            try (OutputStream out = Files.newOutputStream(dir.resolve(MANIFEST))) {
                manifest.store(out, "Sanbao PostgreSQL backup (COPY binary)");
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL 备份失败：" + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL 备份写文件失败：" + e.getMessage(), e);
        }
    }

    /** Restores a backup into an empty database (no table of the platform yet, or freshly migrated and unused). */
    public static Map<String, Long> restore(DataSource ds, Path dir) {
        Properties manifest = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(MANIFEST))) {
            manifest.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("不是平台的备份目录（缺少 " + MANIFEST + "）：" + dir, e);
        }
        String version = manifest.getProperty("schema-version");
        Flyway flyway = Flyway.configure().dataSource(ds).locations(LOCATIONS).target(version).load();
        flyway.migrate();
        for (String month : manifest.getProperty("payment-months", "").split(",")) {
            if (!month.isBlank()) new PaymentPartitionRepository(ds).ensure(Period.parse(month.substring("payment_detail_".length()).replace('_', '-')));
        }
        try (Connection c = ds.getConnection()) {
            if (!version.equals(schemaVersion(c)))
                throw new IllegalStateException("目标数据库的结构版本 " + schemaVersion(c) + " 与备份的 " + version + " 不同，不能恢复");
            List<String> tables = List.of(manifest.getProperty("tables").split(","));
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // an unused database only holds the rows the migrations seed; a database in use is refused
                try (ResultSet rs = s.executeQuery("select count(*) from audit_event")) {
                    if (rs.next() && rs.getLong(1) > 0) throw new IllegalStateException("目标数据库已有审计记录，不是空库：恢复只写入空库");
                }
                s.execute("TRUNCATE " + String.join(", ", tables));
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : tables) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(dir.resolve(table + ".copy")))) {
                    rows.put(table, copy(c, "copyIn", "COPY " + table + " FROM STDIN (FORMAT binary)", in));
                }
                long expected = Long.parseLong(manifest.getProperty("rows." + table));
                if (rows.get(table) != expected)
                    throw new IllegalStateException(table + " 恢复了 " + rows.get(table) + " 行，备份中为 " + expected + " 行");
            }
            resetIdentities(c);
            c.commit();
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL 恢复失败（已回滚）：" + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL 恢复读文件失败：" + e.getMessage(), e);
        }
    }

    private static void emptyDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (var list = Files.list(dir)) {
            if (list.findAny().isPresent()) throw new IllegalArgumentException("备份目录不是空目录：" + dir);
        }
    }

    private static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select version from flyway_schema_history where success and version is not null order by installed_rank desc limit 1")) {
            return rs.next() ? rs.getString(1) : "0";
        }
    }

    /** The schema's tables (partitioned parents, not their partitions; not Flyway's history), referenced tables first. */
    private static List<String> tablesParentsFirst(Connection c) throws SQLException {
        List<String> all = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select c.relname from pg_class c "
                + "where c.relnamespace = to_regnamespace(current_schema()) and c.relkind in ('r', 'p') and not c.relispartition "
                + "and c.relname <> 'flyway_schema_history' order by c.relname")) {
            while (rs.next()) all.add(rs.getString(1));
        }
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select distinct t.relname, p.relname from pg_constraint k "
                + "join pg_class t on t.oid = k.conrelid join pg_class p on p.oid = k.confrelid "
                + "where k.contype = 'f' and t.relnamespace = to_regnamespace(current_schema()) and t.oid <> p.oid")) {
            while (rs.next()) parents.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (String t : all) visit(t, parents, ordered, new LinkedHashSet<>());
        return new ArrayList<>(ordered);
    }

    private static void visit(String table, Map<String, Set<String>> parents, Set<String> ordered, Set<String> path) {
        if (ordered.contains(table)) return;
        if (!path.add(table)) throw new IllegalStateException("外键成环，无法确定恢复顺序：" + path);
        for (String p : parents.getOrDefault(table, Set.of())) visit(p, parents, ordered, path);
        ordered.add(table);
    }

    private static List<String> primaryKey(Connection c, String table) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (var ps = c.prepareStatement("select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid "
                + "and a.attnum = any(i.indkey) where i.indrelid = ?::regclass and i.indisprimary order by array_position(i.indkey, a.attnum)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) cols.add(rs.getString(1));
            }
        }
        return cols;
    }

    /** Identity and serial columns continue after the highest restored id. */
    private static void resetIdentities(Connection c) throws SQLException {
        List<String[]> cols = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select table_name, column_name, "
                + "pg_get_serial_sequence(quote_ident(table_name), column_name) from information_schema.columns "
                + "where table_schema = current_schema() and pg_get_serial_sequence(quote_ident(table_name), column_name) is not null")) {
            while (rs.next()) cols.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
        }
        try (Statement s = c.createStatement()) {
            for (String[] col : cols) {
                s.execute("select setval('" + col[2] + "', coalesce((select max(" + col[1] + ") from " + col[0] + "), 0) + 1, false)");
            }
        }
    }

    /** The driver is a runtime dependency: its CopyManager is reached by reflection (as in intake.PostgresCopy). */
    private static long copy(Connection c, String method, String sql, Object stream) throws SQLException {
        try {
            Class<?> pg = Class.forName("org.postgresql.PGConnection");
            Object api = pg.getMethod("getCopyAPI").invoke(c.unwrap(pg));
            Class<?> streamType = method.equals("copyIn") ? InputStream.class : OutputStream.class;
            return (Long) api.getClass().getMethod(method, String.class, streamType).invoke(api, sql, stream);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException s) throw s;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("需要 PostgreSQL JDBC 驱动", e);
        }
    }
}
