package cn.sanbao.intake;

import cn.sanbao.kernel.Period;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * On PostgreSQL payment_detail is partitioned by month (migration V750 in db/vendor/postgresql): each month's
 * rows and primary-key index live in their own table, so importing month 12 writes into an index as small as
 * month 1's, and an old month can be detached and archived as one table (docs/scale.md). The month's partition
 * is created in its own short transaction before the import's transaction: creating a partition locks the parent
 * table, which must not be held for the whole import. Rows of a month without partition land in the default
 * partition (nothing is lost). On H2 the table is not partitioned and every method does nothing.
 */
@Repository
public class PaymentPartitionRepository {

    private static final Logger log = LoggerFactory.getLogger(PaymentPartitionRepository.class);
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final long LOCK_KEY = 0x53414e42414f5050L; // advisory lock: one instance creates partitions at a time

    private final DataSource ds;

    public PaymentPartitionRepository(DataSource ds) {
        this.ds = ds;
    }

    /** Name of the month's partition, e.g. payment_detail_2021_03. */
    public static String name(String period) {
        if (!MONTH.matcher(period).matches()) throw new IllegalArgumentException("期间应为月（如 2021-03）：" + period);
        return "payment_detail_" + period.replace('-', '_');
    }

    /** Creates the month's partition when the table is partitioned and the month has none yet. */
    public void ensure(Period period) {
        if (period.type() != Period.Type.MONTH) return;
        String table = name(period.code());
        try (Connection c = ds.getConnection()) {
            if (!partitioned(c) || attached(c).contains(table)) return;
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local lock_timeout = '30s'");
                s.execute("select pg_advisory_xact_lock(" + LOCK_KEY + ")");
                if (!attached(c).contains(table)) {
                    if (exists(c, table)) {
                        // a detached (archived) month is being imported again: its rows go to the default partition
                        log.warn("支付明细分区 {} 已存在但未挂接（已归档？），{} 的明细写入默认分区", table, period.code());
                    } else {
                        s.execute("create table " + table + " partition of payment_detail for values in ('" + period.code() + "')");
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                // the import still works, its rows go to the default partition; say why the month has no partition
                log.warn("无法创建支付明细分区 {}（明细写入默认分区）：{}", table, e.getMessage());
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("无法检查支付明细分区：" + e.getMessage(), e);
        }
    }

    /** The month partitions attached to payment_detail, oldest first (empty on H2). */
    public List<String> months() {
        try (Connection c = ds.getConnection()) {
            return partitioned(c) ? attached(c) : List.of();
        } catch (SQLException e) {
            throw new IllegalStateException("无法读取支付明细分区：" + e.getMessage(), e);
        }
    }

    private static boolean partitioned(Connection c) throws SQLException {
        if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) return false;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from pg_partitioned_table p join pg_class t on t.oid = p.partrelid "
                     + "where t.relname = 'payment_detail' and t.relnamespace = to_regnamespace(current_schema())")) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    private static List<String> attached(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select k.relname from pg_inherits i join pg_class k on k.oid = i.inhrelid "
                     + "where i.inhparent = 'payment_detail'::regclass and k.relname <> 'payment_detail_default' order by k.relname")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select to_regclass(?) is not null")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
