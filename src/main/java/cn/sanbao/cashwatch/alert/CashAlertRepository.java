package cn.sanbao.cashwatch.alert;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Tables cash_alert and cash_alert_message (V830). */
@Repository
class CashAlertRepository {

    static final String WARNING = "WARNING";
    static final String ESCALATION = "ESCALATION";

    /** One line of the alert list: an alert with one of its messages (recipient and channel null when it had none). */
    record Line(long alertId, LocalDate day, String unitCode, String kind, BigDecimal balance, BigDecimal level,
                int daysBelow, String escalatedTo, String reason, String recipientType, String recipientName,
                String channel, String idempotencyKey) {
    }

    record NewAlert(String claimKey, String kind, String unitCode, LocalDate day, BigDecimal balance, BigDecimal level,
                    BigDecimal floor, int daysBelow, LocalDate streakStart, String escalatedTo, String reason, long revisionId) {
    }

    private static final RowMapper<Line> LINE = (rs, i) -> new Line(rs.getLong(1), rs.getObject(2, LocalDate.class),
            rs.getString(3), rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getInt(7), rs.getString(8),
            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13));

    private static final String FROM = " from cash_alert a left join cash_alert_message m on m.alert_id = a.id "
            + "where a.alert_day between :from and :to and a.unit_code in (:units)";

    private final JdbcClient jdbc;

    CashAlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the alert for this instance; null when it was taken before. The unique claim key decides: a second
     * delivery (another instance, a re-run) waits here until the first commits, then gets the duplicate. Must be the
     * transaction's first statement (PostgreSQL aborts the transaction on the duplicate).
     */
    Long claim(NewAlert a, LocalDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into cash_alert (claim_key, kind, unit_code, alert_day, balance, cash_level, floor_level, days_below, "
                            + "streak_start, escalated_to, reason, revision_id, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?)")
                    .params(a.claimKey(), a.kind(), a.unitCode(), a.day(), a.balance(), a.level(), a.floor(), a.daysBelow(),
                            a.streakStart(), a.escalatedTo(), cut(a.reason(), 300), a.revisionId(), Timestamp.valueOf(now))
                    .update(keys, "id");
        } catch (DuplicateKeyException taken) {
            return null;
        }
        return keys.getKey().longValue();
    }

    boolean claimed(String claimKey) {
        return jdbc.sql("select count(*) from cash_alert where claim_key = ?").param(claimKey).query(Long.class).single() > 0;
    }

    void message(long alertId, String recipientType, String recipientName, String channel, String idempotencyKey) {
        jdbc.sql("insert into cash_alert_message (alert_id, recipient_type, recipient_name, channel, idempotency_key) values (?,?,?,?,?)")
                .params(alertId, recipientType, cut(recipientName, 100), channel, idempotencyKey).update();
    }

    /** Newest day first; an alert's messages together. */
    List<Line> lines(LocalDate from, LocalDate to, Collection<String> units, long offset, int limit) {
        if (units.isEmpty()) return List.of();
        return jdbc.sql("select a.id, a.alert_day, a.unit_code, a.kind, a.balance, a.cash_level, a.days_below, a.escalated_to, a.reason, "
                        + "m.recipient_type, m.recipient_name, m.channel, m.idempotency_key" + FROM
                        + " order by a.alert_day desc, a.unit_code, a.id, m.id offset :offset rows fetch next :limit rows only")
                .param("from", from).param("to", to).param("units", units).param("offset", offset).param("limit", limit)
                .query(LINE).list();
    }

    long count(LocalDate from, LocalDate to, Collection<String> units) {
        if (units.isEmpty()) return 0;
        return jdbc.sql("select count(*)" + FROM).param("from", from).param("to", to).param("units", units).query(Long.class).single();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
