package cn.sanbao.reports;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Stored report files and their distribution log. Files are never changed; generating again adds a row. */
@Repository
public class ReportArchive {

    /** A stored file without its bytes (for lists). */
    public record Entry(long id, String kind, String period, String unitCode, String format, String title, String fileName,
                        String contentType, long sizeBytes, long runId, Long asOfRevision, String factRevisions,
                        String triggerKind, String createdBy, LocalDateTime createdAt) {

        public ReportKind reportKind() {
            return ReportKind.valueOf(kind);
        }
    }

    public record Delivery(long id, long reportId, String channel, String address, String status, String detail,
                           LocalDateTime attemptedAt) {
    }

    private static final String COLS = "id, kind, period, unit_code, format, title, file_name, content_type, size_bytes, run_id, "
            + "as_of_revision, fact_revisions, trigger_kind, created_by, created_at";

    private final JdbcClient jdbc;

    ReportArchive(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Report r, ReportFormat format, String fileName, byte[] content, String trigger, String actor, LocalDateTime at) {
        String revisions = r.factRevisions().stream().map(String::valueOf).collect(Collectors.joining(","));
        if (revisions.length() > 2000) revisions = revisions.substring(0, revisions.lastIndexOf(',', 1990)) + ",…";
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into report_file (kind, period, unit_code, format, title, file_name, content_type, size_bytes, content, "
                        + "run_id, as_of_revision, fact_revisions, trigger_kind, created_by, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(r.kind().name(), r.period(), r.unitCode(), format.name(), r.title(), fileName, format.contentType(),
                        (long) content.length, content, r.runId(), r.asOfRevision(), revisions, trigger, actor, at)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<Entry> list(int limit) {
        return jdbc.sql("select " + COLS + " from report_file order by id desc fetch first " + limit + " rows only")
                .query(Entry.class).list();
    }

    public Optional<Entry> find(long id) {
        return jdbc.sql("select " + COLS + " from report_file where id = ?").param(id).query(Entry.class).optional();
    }

    byte[] content(long id) {
        return jdbc.sql("select content from report_file where id = ?").param(id).query(byte[].class).single();
    }

    boolean exists(ReportKind kind, String period, String trigger) {
        return jdbc.sql("select count(*) from report_file where kind = ? and period = ? and trigger_kind = ?")
                .params(kind.name(), period, trigger).query(Long.class).single() > 0;
    }

    void delivery(long reportId, String channel, String address, String status, String detail, LocalDateTime at) {
        jdbc.sql("insert into report_delivery (report_id, channel, address, status, detail, attempted_at) values (?,?,?,?,?,?)")
                .params(reportId, channel, address, status, detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 999),
                        at).update();
    }

    public List<Delivery> deliveries(long reportId) {
        return jdbc.sql("select id, report_id, channel, address, status, detail, attempted_at from report_delivery "
                + "where report_id = ? order by id").param(reportId).query(Delivery.class).list();
    }
}
