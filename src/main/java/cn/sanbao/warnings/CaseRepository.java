package cn.sanbao.warnings;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import cn.sanbao.shared.jdbc.PositionalRecordMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Cases, their history and attachments. */
@Repository
public class CaseRepository {

    private static final String CASE = "id, unit_code, status, grade, escalation, opened_period, last_period, opened_at, "
            + "plan_deadline, rectify_deadline, closed_at, close_reason, updated_at";

    /** By position: the by-name mapping cost an exception per row and field on H2 (see docs/console.md). */
    private static final PositionalRecordMapper<WarningCase> CASE_ROW = PositionalRecordMapper.of(WarningCase.class);

    private final JdbcClient jdbc;

    public CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String unit, String grade, String period, LocalDateTime at, LocalDate planDeadline, LocalDate rectifyDeadline) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into warning_case (unit_code, status, grade, opened_period, last_period, opened_at, plan_deadline, "
                        + "rectify_deadline, updated_at) values (?,?,?,?,?,?,?,?,?)")
                .params(unit, CaseStatus.WARNED.name(), grade, period, period, at, planDeadline, rectifyDeadline, at)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A new warning on an existing case: latest period and grade; reopening sets status and fresh deadlines. */
    void warnAgain(long id, String grade, String period, String status, LocalDate planDeadline, LocalDate rectifyDeadline,
                   LocalDateTime at) {
        jdbc.sql("update warning_case set grade = ?, last_period = ?, status = ?, plan_deadline = ?, rectify_deadline = ?, "
                        + "closed_at = null, close_reason = null, updated_at = ? where id = ?")
                .params(grade, period, status, planDeadline, rectifyDeadline, at, id).update();
    }

    void escalate(long id, EscalationLevel level, LocalDateTime at) {
        jdbc.sql("update warning_case set escalation = ?, updated_at = ? where id = ?").params(level.name(), at, id).update();
    }

    /** Compare-and-set on status so two people acting at once cannot both move the case. */
    boolean changeStatus(long id, CaseStatus from, CaseStatus to, LocalDateTime at, String closeReason) {
        return jdbc.sql("update warning_case set status = ?, updated_at = ?, closed_at = ?, close_reason = ? "
                        + "where id = ? and status = ?")
                .params(to.name(), at, to == CaseStatus.CLOSED ? at : null, closeReason, id, from.name()).update() == 1;
    }

    public Optional<WarningCase> find(long id) {
        return jdbc.sql("select " + CASE + " from warning_case where id = ?").param(id).query(CASE_ROW).optional();
    }

    public Optional<WarningCase> latestOfUnit(String unit) {
        return jdbc.sql("select " + CASE + " from warning_case where unit_code = ? order by id desc").param(unit)
                .query(CASE_ROW).list().stream().findFirst();
    }

    public List<WarningCase> all() {
        return jdbc.sql("select " + CASE + " from warning_case order by updated_at desc, id desc").query(CASE_ROW).list();
    }

    /**
     * Cases matching the filters, newest change first; {@code units} null means every unit. Overdue is the rule of
     * {@link WarningCase#overdue} in SQL, so the list, its count and its export agree.
     */
    public List<WarningCase> find(CaseFilter f, long offset, int limit) {
        StringBuilder sql = new StringBuilder("select " + CASE + " from warning_case");
        var spec = f.where(sql);
        sql.append(" order by updated_at desc, id desc offset :off rows fetch next :lim rows only");
        return spec.apply(jdbc.sql(sql.toString())).param("off", offset).param("lim", limit).query(CASE_ROW).list();
    }

    public long count(CaseFilter f) {
        StringBuilder sql = new StringBuilder("select count(*) from warning_case");
        return f.where(sql).apply(jdbc.sql(sql.toString())).query(Long.class).single();
    }

    /** List filters; null or blank = any. */
    public record CaseFilter(java.util.Collection<String> units, String grade, String status, Boolean overdue, LocalDate today) {

        private static final String OVERDUE = "(status <> 'CLOSED' and ((status = 'WARNED' and plan_deadline < :today) "
                + "or rectify_deadline < :today))";

        java.util.function.UnaryOperator<JdbcClient.StatementSpec> where(StringBuilder sql) {
            List<String> parts = new java.util.ArrayList<>();
            if (units != null) parts.add(units.isEmpty() ? "1 = 0" : "unit_code in (:units)");
            if (grade != null && !grade.isBlank()) parts.add("grade = :grade");
            if (status != null && !status.isBlank()) parts.add("status = :status");
            if (overdue != null) parts.add(overdue ? OVERDUE : "not " + OVERDUE);
            if (!parts.isEmpty()) sql.append(" where ").append(String.join(" and ", parts));
            return spec -> {
                if (units != null && !units.isEmpty()) spec = spec.param("units", List.copyOf(units));
                if (grade != null && !grade.isBlank()) spec = spec.param("grade", grade);
                if (status != null && !status.isBlank()) spec = spec.param("status", status);
                if (overdue != null) spec = spec.param("today", today);
                return spec;
            };
        }
    }

    void event(long caseId, LocalDateTime at, String actor, String action, CaseStatus from, CaseStatus to, String detail) {
        jdbc.sql("insert into warning_case_event (case_id, occurred_at, actor, action, from_status, to_status, detail) "
                        + "values (?,?,?,?,?,?,?)")
                .params(caseId, at, actor, action, from == null ? null : from.name(), to == null ? null : to.name(),
                        detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3999) + "…")
                .update();
    }

    public List<CaseEvent> events(long caseId) {
        return jdbc.sql("select id, case_id, occurred_at, actor, action, from_status, to_status, detail "
                + "from warning_case_event where case_id = ? order by id").param(caseId).query(CaseEvent.class).list();
    }

    long attach(long caseId, String name, String type, byte[] content, String actor, LocalDateTime at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into warning_attachment (case_id, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at) "
                        + "values (?,?,?,?,?,?,?)")
                .params(caseId, name, type, (long) content.length, content, actor, at).update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<Attachment> attachments(long caseId) {
        return jdbc.sql("select id, case_id, file_name, content_type, size_bytes, uploaded_by, uploaded_at "
                + "from warning_attachment where case_id = ? order by id").param(caseId).query(Attachment.class).list();
    }

    public Optional<byte[]> attachmentContent(long caseId, long id) {
        return jdbc.sql("select content from warning_attachment where case_id = ? and id = ?").params(caseId, id)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    public record Attachment(long id, long caseId, String fileName, String contentType, long sizeBytes,
                             String uploadedBy, LocalDateTime uploadedAt) {
    }
}
