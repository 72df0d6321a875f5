package cn.sanbao.warnings;

/**
 * Event: a case was escalated (通报 / 约谈 / 问责), by a publication's rules ({@code automatic}) or by a person's
 * decision. Committed with the escalation.
 */
public record CaseEscalated(long caseId, String unitCode, String level, String by, boolean automatic) {
}
