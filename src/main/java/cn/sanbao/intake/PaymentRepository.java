package cn.sanbao.intake;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read side of the payment detail, also for other modules (the project library). "Current" payments of a
 * unit-month are those of the newest payment revision holding that unit-month: a re-imported month
 * replaces the earlier file's rows, which stay stored under their own revision.
 */
@Service
public class PaymentRepository {

    public record Payment(long revisionId, long lineNo, String period, String unitCode, LocalDate payDate, BigDecimal amount,
                          String functionCode, String economicCode, String projectCode, String agency, PaymentClass pillar) {
    }

    // newest revision per unit-month of the year from the small payment_unit_month table, joined to the detail by its key
    private static final String CURRENT = " join (select unit_code, period, max(revision_id) as rid from payment_unit_month "
            + "where unit_code = :u and period between :p1 and :p2 group by unit_code, period) l "
            + "on d.revision_id = l.rid and d.unit_code = l.unit_code and d.period = l.period ";
    private static final String COLUMNS = "d.revision_id, d.line_no, d.period, d.unit_code, d.pay_date, d.amount, d.function_code, "
            + "d.economic_code, d.project_code, d.agency, d.pillar";

    private final JdbcClient jdbc;

    public PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Current payments of the unit from 1 January of the year up to and including the date, summed per project code. */
    public Map<String, BigDecimal> paidByProject(String unitCode, int year, LocalDate upToDate) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        jdbc.sql("select d.project_code, sum(d.amount) from payment_detail d" + CURRENT + "where d.project_code is not null "
                        + "and d.pay_date between :from and :to group by d.project_code order by d.project_code")
                .param("u", unitCode).param("p1", year + "-01").param("p2", year + "-12").param("from", Date.valueOf(LocalDate.of(year, 1, 1))).param("to", Date.valueOf(upToDate))
                .query(rs -> { out.put(rs.getString(1), rs.getBigDecimal(2)); });
        return out;
    }

    /** Current payments of one project of the unit in the year, by date. */
    public List<Payment> payments(String unitCode, String projectCode, int year) {
        return jdbc.sql("select " + COLUMNS + " from payment_detail d" + CURRENT + "where d.project_code = :p "
                        + "and d.pay_date between :from and :to order by d.pay_date, d.revision_id, d.line_no")
                .param("u", unitCode).param("p1", year + "-01").param("p2", year + "-12").param("p", projectCode).param("from", Date.valueOf(LocalDate.of(year, 1, 1)))
                .param("to", Date.valueOf(LocalDate.of(year, 12, 31))).query(PaymentRepository::map).list();
    }

    /** One page of {@link #payments} (same order), read with offset and limit in SQL. */
    public List<Payment> payments(String unitCode, String projectCode, int year, long offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from payment_detail d" + CURRENT + "where d.project_code = :p "
                        + "and d.pay_date between :from and :to order by d.pay_date, d.revision_id, d.line_no "
                        + "offset :off rows fetch next :lim rows only")
                .param("u", unitCode).param("p1", year + "-01").param("p2", year + "-12").param("p", projectCode).param("from", Date.valueOf(LocalDate.of(year, 1, 1)))
                .param("to", Date.valueOf(LocalDate.of(year, 12, 31))).param("off", offset).param("lim", limit).query(PaymentRepository::map).list();
    }

    public long paymentCount(String unitCode, String projectCode, int year) {
        return jdbc.sql("select count(*) from payment_detail d" + CURRENT + "where d.project_code = :p and d.pay_date between :from and :to")
                .param("u", unitCode).param("p1", year + "-01").param("p2", year + "-12").param("p", projectCode).param("from", Date.valueOf(LocalDate.of(year, 1, 1)))
                .param("to", Date.valueOf(LocalDate.of(year, 12, 31))).query(Long.class).single();
    }

    /** The payments of one revision behind one unit's pillar total (drill-down), in file order. */
    public List<Payment> drill(long revisionId, String unitCode, PaymentClass pillar, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + " from payment_detail d where d.revision_id = :r and d.unit_code = :u "
                        + "and d.pillar = :p order by d.line_no offset :off rows fetch next :lim rows only")
                .param("r", revisionId).param("u", unitCode).param("p", pillar.name())
                .param("off", Math.max(0, offset)).param("lim", Math.max(1, Math.min(limit, 5000))).query(PaymentRepository::map).list();
    }

    /** unit → pillar → sum of the revision's payments (read back from the stored rows). */
    public Map<String, Map<PaymentClass, BigDecimal>> totals(long revisionId) {
        Map<String, Map<PaymentClass, BigDecimal>> out = new TreeMap<>();
        jdbc.sql("select unit_code, pillar, sum(amount) from payment_detail where revision_id = :r group by unit_code, pillar")
                .param("r", revisionId)
                .query(rs -> { out.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(PaymentClass.class))
                        .put(PaymentClass.valueOf(rs.getString(2)), rs.getBigDecimal(3)); });
        return out;
    }

    /** The newest payment revision holding rows of the month, if any. */
    public Optional<Long> latestRevision(String period) {
        return jdbc.sql("select max(revision_id) from payment_unit_month where period = :p").param("p", period)
                .query(Long.class).optional();
    }

    /**
     * Every row the revision stored for the month, in file order, streamed (call inside a transaction: PostgreSQL only
     * streams with auto-commit off). A connector continues an extract from these rows.
     */
    public void forEach(long revisionId, String period, java.util.function.Consumer<Payment> row) {
        jdbc.sql("select " + COLUMNS + " from payment_detail d where d.revision_id = :r and d.period = :p order by d.line_no")
                .param("r", revisionId).param("p", period).withFetchSize(10_000)
                .query((ResultSet rs) -> { row.accept(map(rs, 0)); });
    }

    /** True when any month of the year has payment detail. */
    public boolean hasUnitMonths(int year) {
        return jdbc.sql("select count(*) from payment_unit_month where period between :p1 and :p2")
                .param("p1", year + "-01").param("p2", year + "-12").query(Long.class).single() > 0;
    }

    public long count(long revisionId) {
        return jdbc.sql("select count(*) from payment_detail where revision_id = :r").param("r", revisionId).query(Long.class).single();
    }

    /** Rows of the given units only (a city or county user's share of an import). */
    public long count(long revisionId, java.util.Collection<String> units) {
        if (units.isEmpty()) return 0;
        return jdbc.sql("select count(*) from payment_detail where revision_id = :r and unit_code in (:u)")
                .param("r", revisionId).param("u", units).query(Long.class).single();
    }

    public List<PaymentResult.Unclassified> unclassified(long revisionId) {
        return jdbc.sql("select function_code, economic_code, row_count, amount from payment_unclassified where revision_id = :r "
                        + "order by amount desc").param("r", revisionId)
                .query((rs, n) -> new PaymentResult.Unclassified(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)))
                .list();
    }

    private static Payment map(ResultSet rs, int n) throws SQLException {
        return new Payment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), PaymentClass.valueOf(rs.getString(11)));
    }
}
