package cn.sanbao.cashwatch.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for cash_revision and cash_balance. Validation, transactions and audit live in {@link CashWatchService}. */
@Repository
public class CashRepository {

    /** A stored balance: the current value of (unit, day) when read through {@link #current}. */
    public record Stored(String unitCode, LocalDate day, BigDecimal balance) {
    }

    /** One data revision of daily balances, as listed in the screen's history. */
    public record Revision(long id, String source, String label, int rows, int changed, LocalDate firstDay,
                           LocalDate lastDay, String createdBy, LocalDateTime createdAt) {
    }

    /* The current value of (unit, day) is the one of its highest revision. Corrections are rare, so a range is read as
       it lies (one index range scan, no self-join) and the superseded rows are dropped here. */
    private static final String RANGE = "select unit_code, balance_day, balance, revision_id from cash_balance "
            + "where balance_day between :from and :to";

    private final JdbcClient jdbc;
    private final JdbcTemplate template; // JdbcClient has no batch API

    public CashRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public long insertRevision(String source, String label, int rows, int changed, LocalDate first, LocalDate last,
                               String createdBy, LocalDateTime createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into cash_revision (source, label, row_count, changed_count, first_day, last_day, created_by, created_at) "
                        + "values (:source, :label, :rows, :changed, :first, :last, :by, :at)")
                .param("source", source).param("label", label).param("rows", rows).param("changed", changed)
                .param("first", Date.valueOf(first)).param("last", Date.valueOf(last)).param("by", createdBy)
                .param("at", Timestamp.valueOf(createdAt))
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void insertBalances(long revisionId, List<Stored> rows) {
        template.batchUpdate("insert into cash_balance (revision_id, unit_code, balance_day, balance) values (?, ?, ?, ?)",
                rows, 1000, (ps, r) -> {
                    ps.setLong(1, revisionId);
                    ps.setString(2, r.unitCode());
                    ps.setDate(3, Date.valueOf(r.day()));
                    ps.setBigDecimal(4, r.balance());
                });
    }

    /** Current balances of every unit from {@code from} to {@code to}, by unit then day. */
    public List<Stored> current(LocalDate from, LocalDate to) {
        return latest(jdbc.sql(RANGE).param("from", Date.valueOf(from)).param("to", Date.valueOf(to)));
    }

    /** Current balances of the given units (at most 1,000, one IN list) from {@code from} to {@code to}, by unit then day. */
    public List<Stored> current(java.util.Collection<String> units, LocalDate from, LocalDate to) {
        if (units.isEmpty()) return List.of();
        return latest(jdbc.sql(RANGE + " and unit_code in (:units)").param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to)).param("units", List.copyOf(units)));
    }

    /** Current balances of one unit from {@code from} to {@code to}, by day. */
    public List<Stored> current(String unitCode, LocalDate from, LocalDate to) {
        return latest(jdbc.sql(RANGE + " and unit_code = :unit").param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to)).param("unit", unitCode));
    }

    public Optional<LocalDate> latestDay() {
        // max() of no rows is one null row
        return jdbc.sql("select max(balance_day) from cash_balance").query((rs, n) -> rs.getDate(1)).list().stream()
                .filter(java.util.Objects::nonNull).findFirst().map(Date::toLocalDate);
    }

    /** Id of the newest revision; 0 when nothing has been stored. */
    public long latestRevisionId() {
        return jdbc.sql("select coalesce(max(id), 0) from cash_revision").query(Long.class).single();
    }

    public boolean isEmpty() { return latestRevisionId() == 0; }

    /** Revisions, newest first. */
    public List<Revision> revisions(int offset, int limit) {
        return jdbc.sql("select id, source, label, row_count, changed_count, first_day, last_day, created_by, created_at "
                        + "from cash_revision order by id desc offset :offset rows fetch next :limit rows only")
                .param("offset", offset).param("limit", limit)
                .query((rs, n) -> new Revision(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(), rs.getString(8),
                        rs.getTimestamp(9).toLocalDateTime()))
                .list();
    }

    public int revisionCount() {
        return jdbc.sql("select count(*) from cash_revision").query(Integer.class).single();
    }

    /** Per (unit, day) the row of the highest revision, by unit then day. */
    private static List<Stored> latest(JdbcClient.StatementSpec range) {
        record Versioned(Stored row, long revision) {
        }
        Map<String, Versioned> current = new HashMap<>();
        range.query((java.sql.ResultSet rs) -> {
            Stored s = new Stored(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3));
            long revision = rs.getLong(4);
            current.merge(s.unitCode() + "|" + s.day(), new Versioned(s, revision), (a, b) -> a.revision() >= b.revision() ? a : b);
        });
        List<Stored> out = new ArrayList<>(current.size());
        for (Versioned v : current.values()) out.add(v.row());
        out.sort(Comparator.comparing(Stored::unitCode).thenComparing(Stored::day));
        return out;
    }
}
