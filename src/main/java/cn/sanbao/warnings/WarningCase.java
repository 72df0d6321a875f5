package cn.sanbao.warnings;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A unit's follow-up of one or more consecutive warnings, until it is closed with a reason. */
public record WarningCase(long id, String unitCode, String status, String grade, String escalation,
                          String openedPeriod, String lastPeriod, LocalDateTime openedAt, LocalDate planDeadline,
                          LocalDate rectifyDeadline, LocalDateTime closedAt, String closeReason, LocalDateTime updatedAt) {

    public CaseStatus caseStatus() {
        return CaseStatus.valueOf(status);
    }

    public String statusLabel() {
        return caseStatus().label();
    }

    public String escalationLabel() {
        return EscalationLevel.labelOf(escalation);
    }

    /** Overdue: no plan by the plan deadline, or not closed by the rectification deadline. */
    public boolean overdue(LocalDate today) {
        CaseStatus s = caseStatus();
        if (s == CaseStatus.CLOSED) return false;
        if (s == CaseStatus.WARNED && today.isAfter(planDeadline)) return true;
        return today.isAfter(rectifyDeadline);
    }
}
