package cn.sanbao.intake;

import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * On PostgreSQL, detail rows go in with one COPY FROM STDIN on the transaction's own connection (many times
 * faster than batched inserts, still rolled back with the import). The driver is a runtime dependency, so
 * it is reached by reflection, once per import; on any other database {@link #open} returns null and the
 * caller inserts in batches.
 */
final class PostgresCopy {

    static final String SQL = "COPY payment_detail (revision_id, line_no, period, unit_code, pay_date, amount, "
            + "function_code, economic_code, project_code, agency, pillar) FROM STDIN";
    private static final Class<?> PG_CONNECTION = load("org.postgresql.PGConnection");
    private static final Class<?> COPY_IN = load("org.postgresql.copy.CopyIn");

    private final DataSource ds;
    private final Connection connection;
    private final Object copyIn;
    private final Method write;

    private PostgresCopy(DataSource ds, Connection connection, Object copyIn) throws NoSuchMethodException {
        this.ds = ds;
        this.connection = connection;
        this.copyIn = copyIn;
        this.write = COPY_IN.getMethod("writeToCopy", byte[].class, int.class, int.class);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** Whether the data source is PostgreSQL (with its driver present). */
    static boolean supported(DataSource ds) {
        if (PG_CONNECTION == null || COPY_IN == null) return false;
        Connection c = DataSourceUtils.getConnection(ds);
        try {
            return c.isWrapperFor(PG_CONNECTION);
        } catch (SQLException e) {
            return false;
        } finally {
            DataSourceUtils.releaseConnection(c, ds);
        }
    }

    /** Starts the COPY on the current transaction's connection; null when the database is not PostgreSQL. */
    static PostgresCopy open(DataSource ds) {
        if (PG_CONNECTION == null || COPY_IN == null) return null;
        Connection c = DataSourceUtils.getConnection(ds);
        try {
            if (!c.isWrapperFor(PG_CONNECTION)) {
                DataSourceUtils.releaseConnection(c, ds);
                return null;
            }
            Object api = PG_CONNECTION.getMethod("getCopyAPI").invoke(c.unwrap(PG_CONNECTION));
            Object in = api.getClass().getMethod("copyIn", String.class).invoke(api, SQL);
            return new PostgresCopy(ds, c, in);
        } catch (InvocationTargetException e) {
            DataSourceUtils.releaseConnection(c, ds);
            throw failed(e.getCause());
        } catch (SQLException | ReflectiveOperationException e) {
            DataSourceUtils.releaseConnection(c, ds);
            throw failed(e);
        }
    }

    /** Rows in COPY text format, whole rows only. */
    void write(byte[] bytes, int length) {
        call(() -> write.invoke(copyIn, bytes, 0, length));
    }

    /** Ends the COPY; the server checks and stores the rows here. */
    void end() {
        try {
            call(() -> COPY_IN.getMethod("endCopy").invoke(copyIn));
        } finally {
            DataSourceUtils.releaseConnection(connection, ds);
        }
    }

    /** Abandons the COPY after a failure so the connection can roll the transaction back. */
    void cancel() {
        try {
            if ((Boolean) COPY_IN.getMethod("isActive").invoke(copyIn)) COPY_IN.getMethod("cancelCopy").invoke(copyIn);
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // the transaction is rolled back anyway; the original failure is what the user needs to see
        } finally {
            DataSourceUtils.releaseConnection(connection, ds);
        }
    }

    private interface Call {
        void run() throws ReflectiveOperationException;
    }

    private static void call(Call call) {
        try {
            call.run();
        } catch (InvocationTargetException e) {
            throw failed(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw failed(e);
        }
    }

    private static IllegalStateException failed(Throwable e) {
        return new IllegalStateException("写入支付明细失败：" + e.getMessage(), e);
    }
}
