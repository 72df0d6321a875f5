package cn.sanbao.warnings;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import cn.sanbao.shared.jdbc.PositionalRecordMapper;

/** Escalation decisions taken by people (the automatic ones are on the warnings). */
@Repository
class EscalationRepository {

    private static final String COLS = "id, case_id, from_level, to_level, decided_on, reason, meeting_at, meeting_place, "
            + "attendees, referral_to, actor, created_at";
    private static final PositionalRecordMapper<ManualEscalation> ROW = PositionalRecordMapper.of(ManualEscalation.class);

    private final JdbcClient jdbc;

    EscalationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Compare-and-set on the current level, so two people deciding at once cannot both apply. */
    boolean setLevel(long caseId, String from, String to, LocalDateTime at) {
        return jdbc.sql("update warning_case set escalation = ?, updated_at = ? where id = ? and "
                        + (from == null ? "escalation is null" : "escalation = ?"))
                .params(from == null ? new Object[] {to, at, caseId} : new Object[] {to, at, caseId, from}).update() == 1;
    }

    void insert(long caseId, String from, String to, LocalDate decidedOn, String reason, LocalDateTime meetingAt,
                String place, String attendees, String referralTo, String actor, LocalDateTime at) {
        jdbc.sql("insert into warning_case_escalation (case_id, from_level, to_level, decided_on, reason, meeting_at, "
                        + "meeting_place, attendees, referral_to, actor, created_at) values (?,?,?,?,?,?,?,?,?,?,?)")
                .params(caseId, from, to, decidedOn, reason, meetingAt, place, attendees, referralTo, actor, at).update();
    }

    List<ManualEscalation> ofCase(long caseId) {
        return jdbc.sql("select " + COLS + " from warning_case_escalation where case_id = ? order by id").param(caseId)
                .query(ROW).list();
    }

    /** Decisions taken on days from..to (inclusive), oldest first. */
    List<ManualEscalation> decidedBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("select " + COLS + " from warning_case_escalation where decided_on between ? and ? order by decided_on, id")
                .params(from, to).query(ROW).list();
    }
}
