package cn.sanbao.connectors;

import cn.sanbao.shared.web.Page;
import cn.sanbao.shared.web.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The connector tables. Writes are audited by {@link ConnectorService}, which calls these inside its transaction. */
@Repository
class ConnectorRepository {

    private static final String COLUMNS = "id, name, jdbc_url, username, cron, period_rule, enabled, max_rows, timeout_seconds, "
            + "alert_after, failures, retry_at, last_run_at, created_at";

    private final JdbcClient jdbc;

    ConnectorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Connector> all() {
        return jdbc.sql("select " + COLUMNS + " from connector order by name").query(ConnectorRepository::connector).list();
    }

    Optional<Connector> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from connector where id = :id").param("id", id).query(ConnectorRepository::connector).optional();
    }

    String passwordEnc(long id) {
        return jdbc.sql("select password_enc from connector where id = :id").param("id", id).query(String.class).single();
    }

    long insert(Connector c, String passwordEnc, String by, LocalDateTime at) {
        jdbc.sql("insert into connector (name, jdbc_url, username, password_enc, cron, period_rule, enabled, max_rows, timeout_seconds, "
                        + "alert_after, failures, created_by, created_at, updated_by, updated_at) values (:name, :url, :user, :pw, :cron, "
                        + ":rule, :enabled, :maxRows, :timeout, :alert, 0, :by, :at, :by, :at)")
                .params(params(c)).param("pw", passwordEnc).param("by", by).param("at", Timestamp.valueOf(at)).update();
        return jdbc.sql("select id from connector where name = :name").param("name", c.name()).query(Long.class).single();
    }

    /** passwordEnc null keeps the stored password (the form never shows it back). */
    void update(Connector c, String passwordEnc, String by, LocalDateTime at) {
        jdbc.sql("update connector set name = :name, jdbc_url = :url, username = :user, cron = :cron, period_rule = :rule, "
                        + "enabled = :enabled, max_rows = :maxRows, timeout_seconds = :timeout, alert_after = :alert, "
                        + "password_enc = coalesce(:pw, password_enc), updated_by = :by, updated_at = :at where id = :id")
                .params(params(c)).param("id", c.id()).param("pw", passwordEnc).param("by", by)
                .param("at", Timestamp.valueOf(at)).update();
    }

    private static Map<String, Object> params(Connector c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", c.name());
        p.put("url", c.jdbcUrl());
        p.put("user", c.username());
        p.put("cron", c.cron());
        p.put("rule", c.periodRule().name());
        p.put("enabled", c.enabled());
        p.put("maxRows", c.maxRows());
        p.put("timeout", c.timeoutSeconds());
        p.put("alert", c.alertAfter());
        return p;
    }

    void schedule(long id, int failures, LocalDateTime retryAt, LocalDateTime lastRunAt) {
        jdbc.sql("update connector set failures = :f, retry_at = :retry, last_run_at = :last where id = :id")
                .param("f", failures).param("retry", retryAt == null ? null : Timestamp.valueOf(retryAt))
                .param("last", Timestamp.valueOf(lastRunAt)).param("id", id).update();
    }

    List<Connector.Query> queries(long connectorId) {
        return jdbc.sql("select id, connector_id, name, kind, item_code, sql_text, column_map, watermark from connector_query "
                + "where connector_id = :c order by id").param("c", connectorId).query(ConnectorRepository::query).list();
    }

    Optional<Connector.Query> query(long id) {
        return jdbc.sql("select id, connector_id, name, kind, item_code, sql_text, column_map, watermark from connector_query "
                + "where id = :id").param("id", id).query(ConnectorRepository::query).optional();
    }

    long insertQuery(Connector.Query q) {
        jdbc.sql("insert into connector_query (connector_id, name, kind, item_code, sql_text, column_map) "
                        + "values (:c, :name, :kind, :item, :sql, :map)")
                .param("c", q.connectorId()).param("name", q.name()).param("kind", q.kind().name()).param("item", q.itemCode())
                .param("sql", q.sql()).param("map", q.columnText()).update();
        return jdbc.sql("select id from connector_query where connector_id = :c and name = :name")
                .param("c", q.connectorId()).param("name", q.name()).query(Long.class).single();
    }

    void updateQuery(Connector.Query q) {
        jdbc.sql("update connector_query set name = :name, kind = :kind, item_code = :item, sql_text = :sql, column_map = :map "
                        + "where id = :id")
                .param("id", q.id()).param("name", q.name()).param("kind", q.kind().name()).param("item", q.itemCode())
                .param("sql", q.sql()).param("map", q.columnText()).update();
    }

    void deleteQuery(long id) {
        jdbc.sql("delete from connector_query where id = :id").param("id", id).update();
    }

    void watermark(long queryId, String watermark) {
        jdbc.sql("update connector_query set watermark = :w where id = :id").param("w", watermark).param("id", queryId).update();
    }

    /** Where an incremental payment query stands: voucher id read up to, the revision holding the month so far, that month. */
    record VoucherMark(Long voucher, Long revision, String period) {
    }

    VoucherMark voucherMark(long queryId) {
        return jdbc.sql("select watermark_id, watermark_revision, watermark_period from connector_query where id = :id").param("id", queryId)
                .query((rs, n) -> new VoucherMark(rs.getObject(1, Long.class), rs.getObject(2, Long.class), rs.getString(3))).single();
    }

    void voucherMark(long queryId, VoucherMark m) {
        jdbc.sql("update connector_query set watermark_id = :v, watermark_revision = :r, watermark_period = :p where id = :id")
                .param("v", m.voucher()).param("r", m.revision()).param("p", m.period()).param("id", queryId).update();
    }

    /** Source code → platform unit code. */
    Map<String, String> unitCodes(long connectorId) {
        Map<String, String> m = new LinkedHashMap<>();
        jdbc.sql("select source_code, unit_code from connector_unit_code where connector_id = :c order by source_code")
                .param("c", connectorId).query((ResultSet rs) -> { while (rs.next()) m.put(rs.getString(1), rs.getString(2)); return m; });
        return m;
    }

    void replaceUnitCodes(long connectorId, Map<String, String> codes) {
        jdbc.sql("delete from connector_unit_code where connector_id = :c").param("c", connectorId).update();
        codes.forEach((s, u) -> jdbc.sql("insert into connector_unit_code (connector_id, source_code, unit_code) values (:c, :s, :u)")
                .param("c", connectorId).param("s", s).param("u", u).update());
    }

    long startRun(long connectorId, String trigger, String period, String by, LocalDateTime at) {
        jdbc.sql("insert into connector_run (connector_id, trigger_kind, period, status, started_by, started_at) "
                        + "values (:c, :t, :p, 'RUNNING', :by, :at)")
                .param("c", connectorId).param("t", trigger).param("p", period).param("by", by).param("at", Timestamp.valueOf(at)).update();
        return jdbc.sql("select max(id) from connector_run where connector_id = :c").param("c", connectorId).query(Long.class).single();
    }

    void finishRun(long runId, ConnectorRun.Status status, long rows, Long revision, Long duplicateOf, String message,
                   List<String> problems, LocalDateTime at) {
        jdbc.sql("update connector_run set status = :s, rows_read = :rows, revision_id = :rev, duplicate_of = :dup, message = :m, "
                        + "finished_at = :at where id = :id")
                .param("s", status.name()).param("rows", rows).param("rev", revision).param("dup", duplicateOf)
                .param("m", cut(message, 4000)).param("at", Timestamp.valueOf(at)).param("id", runId).update();
        int seq = 0;
        for (String p : problems)
            jdbc.sql("insert into connector_run_problem (run_id, seq, text) values (:r, :s, :t)")
                    .param("r", runId).param("s", ++seq).param("t", cut(p, 1000)).update();
    }

    Page<ConnectorRun> runs(Long connectorId, PageRequest page) {
        var count = jdbc.sql("select count(*) from connector_run r" + (connectorId == null ? "" : " where r.connector_id = :c"));
        long total = (connectorId == null ? count : count.param("c", connectorId)).query(Long.class).single();
        return Page.of(runs(connectorId, page.offset(), page.size()), page, total);
    }

    /** Newest first; the export reads up to {@link #EXPORT_LIMIT} rows. */
    List<ConnectorRun> runs(Long connectorId, long offset, int limit) {
        var rows = jdbc.sql("select r.id, r.connector_id, c.name, r.trigger_kind, r.period, r.status, r.rows_read, r.revision_id, "
                + "r.duplicate_of, r.message, r.started_by, r.started_at, r.finished_at from connector_run r join connector c on c.id = r.connector_id"
                + (connectorId == null ? "" : " where r.connector_id = :c") + " order by r.id desc offset :off rows fetch next :n rows only");
        if (connectorId != null) rows = rows.param("c", connectorId);
        return rows.param("off", offset).param("n", limit).query(ConnectorRepository::run).list();
    }

    static final int EXPORT_LIMIT = 100_000;

    Optional<ConnectorRun> run(long id) {
        return jdbc.sql("select r.id, r.connector_id, c.name, r.trigger_kind, r.period, r.status, r.rows_read, r.revision_id, "
                        + "r.duplicate_of, r.message, r.started_by, r.started_at, r.finished_at from connector_run r "
                        + "join connector c on c.id = r.connector_id where r.id = :id")
                .param("id", id).query(ConnectorRepository::run).optional();
    }

    List<String> problems(long runId) {
        return jdbc.sql("select text from connector_run_problem where run_id = :r order by seq").param("r", runId).query(String.class).list();
    }

    /** The first failed run after the last successful one (dry runs do not count): the start of the current failure streak. */
    long streakStart(long connectorId, long failedRunId) {
        Long first = jdbc.sql("select min(id) from connector_run where connector_id = :c and status in ('REJECTED', 'FAILED') "
                        + "and trigger_kind <> 'DRY_RUN' and id > coalesce((select max(id) from connector_run where connector_id = :c and status in ('STORED', 'UNCHANGED')), 0)")
                .param("c", connectorId).query(Long.class).optional().orElse(null);
        return first == null ? failedRunId : first;
    }

    boolean alertExists(long connectorId, long streakRun) {
        return jdbc.sql("select count(*) from connector_alert where connector_id = :c and streak_run = :s")
                .param("c", connectorId).param("s", streakRun).query(Long.class).single() > 0;
    }

    long insertAlert(long connectorId, long streakRun, int failures, String detail, LocalDateTime at) {
        jdbc.sql("insert into connector_alert (connector_id, streak_run, failures, detail, created_at) values (:c, :s, :f, :d, :at)")
                .param("c", connectorId).param("s", streakRun).param("f", failures).param("d", cut(detail, 1000))
                .param("at", Timestamp.valueOf(at)).update();
        return jdbc.sql("select id from connector_alert where connector_id = :c and streak_run = :s")
                .param("c", connectorId).param("s", streakRun).query(Long.class).single();
    }

    void alertMessages(long alertId, List<String> keys, String note) {
        jdbc.sql("update connector_alert set message_keys = :k, note = :n where id = :id")
                .param("k", keys.isEmpty() ? null : String.join("\n", keys)).param("n", cut(note, 500)).param("id", alertId).update();
    }

    record AlertRow(long id, long connectorId, long streakRun, int failures, String detail, List<String> messageKeys, String note,
                    LocalDateTime createdAt) {
    }

    List<AlertRow> alerts(long connectorId, int limit) {
        return jdbc.sql("select id, connector_id, streak_run, failures, detail, message_keys, note, created_at from connector_alert "
                        + "where connector_id = :c order by id desc fetch first :n rows only")
                .param("c", connectorId).param("n", limit)
                .query((rs, n) -> new AlertRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6) == null ? List.of() : List.of(rs.getString(6).split("\n")), rs.getString(7), time(rs, 8)))
                .list();
    }

    private static Connector connector(ResultSet rs, int n) throws SQLException {
        return new Connector(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Connector.PeriodRule.valueOf(rs.getString(6)), rs.getBoolean(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                rs.getInt(11), time(rs, 12), time(rs, 13), time(rs, 14));
    }

    private static Connector.Query query(ResultSet rs, int n) throws SQLException {
        Connector.Kind kind = Connector.Kind.valueOf(rs.getString(4));
        return new Connector.Query(rs.getLong(1), rs.getLong(2), rs.getString(3), kind, rs.getString(5), rs.getString(6),
                Connector.Query.parseColumns(rs.getString(7), kind), rs.getString(8));
    }

    private static ConnectorRun run(ResultSet rs, int n) throws SQLException {
        return new ConnectorRun(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                ConnectorRun.Status.valueOf(rs.getString(6)), rs.getLong(7), rs.getObject(8, Long.class), rs.getObject(9, Long.class),
                rs.getString(10), rs.getString(11), time(rs, 12), time(rs, 13));
    }

    private static LocalDateTime time(ResultSet rs, int i) throws SQLException {
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toLocalDateTime();
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
