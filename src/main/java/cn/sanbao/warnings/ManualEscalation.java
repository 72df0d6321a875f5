package cn.sanbao.warnings;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A person's decision to raise or lower a case's escalation; toLevel null = escalation withdrawn. */
public record ManualEscalation(long id, long caseId, String fromLevel, String toLevel, LocalDate decidedOn, String reason,
                               LocalDateTime meetingAt, String meetingPlace, String attendees, String referralTo,
                               String actor, LocalDateTime createdAt) {

    public String toLabel() {
        return toLevel == null ? "不升级" : EscalationLevel.labelOf(toLevel);
    }
}
