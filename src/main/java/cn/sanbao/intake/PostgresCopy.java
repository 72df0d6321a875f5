package cn.sanbao.intake;

import cn.sanbao.engine.Period;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * On PostgreSQL, detail rows go in with COPY FROM STDIN on the transaction's own connection (several times
 * faster than batched inserts, still rolled back with the import). The driver is a runtime dependency, so
 * it is reached by reflection; on any other database {@link #copy} returns false and the caller inserts.
 */
final class PostgresCopy {

    private static final String SQL = "COPY payment_detail (revision_id, line_no, period, unit_code, pay_date, amount, "
            + "function_code, economic_code, project_code, agency, pillar) FROM STDIN";
    private static final Class<?> PG_CONNECTION = load();

    private PostgresCopy() {
    }

    private static Class<?> load() {
        try {
            return Class.forName("org.postgresql.PGConnection");
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    static boolean copy(DataSource ds, long revision, Period period, List<PaymentRow> batch, List<Pillar> pillars) {
        if (PG_CONNECTION == null) return false;
        Connection c = DataSourceUtils.getConnection(ds);
        try {
            if (!c.isWrapperFor(PG_CONNECTION)) return false;
            StringBuilder sb = new StringBuilder(batch.size() * 96);
            for (int i = 0; i < batch.size(); i++) {
                PaymentRow r = batch.get(i);
                sb.append(revision).append('\t').append(r.line()).append('\t').append(period.code()).append('\t');
                text(sb, r.unitCode()).append('\t').append(r.payDate()).append('\t').append(r.amount().toPlainString()).append('\t');
                text(sb, r.functionCode()).append('\t');
                text(sb, r.economicCode()).append('\t');
                text(sb, r.projectCode()).append('\t');
                text(sb, r.agency()).append('\t').append(pillars.get(i).name()).append('\n');
            }
            Object pg = c.unwrap(PG_CONNECTION);
            Object api = PG_CONNECTION.getMethod("getCopyAPI").invoke(pg);
            api.getClass().getMethod("copyIn", String.class, java.io.Reader.class).invoke(api, SQL, new StringReader(sb.toString()));
            return true;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("写入支付明细失败：" + e.getCause().getMessage(), e.getCause());
        } catch (SQLException | ReflectiveOperationException e) {
            throw new IllegalStateException("写入支付明细失败：" + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, ds);
        }
    }

    /** COPY text format: \N for null; backslash, tab, newline and carriage return escaped. */
    private static StringBuilder text(StringBuilder sb, String v) {
        if (v == null) return sb.append("\\N");
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb;
    }
}
