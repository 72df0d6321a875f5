package cn.sanbao.warnings;

import java.time.LocalDateTime;

/** One line of a case's history: who did what when (status change, escalation, comment, upload). */
public record CaseEvent(long id, long caseId, LocalDateTime occurredAt, String actor, String action,
                        String fromStatus, String toStatus, String detail) {

    public String actionLabel() {
        return switch (action) {
            case "OPENED" -> "立案预警";
            case "WARNED_AGAIN" -> "再次预警";
            case "REOPENED" -> "重新打开";
            case "ESCALATED" -> "升级处置";
            case "DEESCALATED" -> "降低处置级别";
            case "PLAN_SUBMITTED" -> "反馈整改方案";
            case "PLAN_ACCEPTED" -> "审核通过，进入整改";
            case "PLAN_RETURNED" -> "退回整改方案";
            case "CLOSED" -> "销号";
            case "COMMENT" -> "意见";
            case "ATTACHMENT" -> "上传附件";
            default -> action;
        };
    }
}
