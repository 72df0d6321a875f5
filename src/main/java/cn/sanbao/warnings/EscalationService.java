package cn.sanbao.warnings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import cn.sanbao.audit.AuditLog;

/**
 * 升级处置 by a person: a leader or an analyst raises or lowers a case's escalation (通报 / 约谈 / 问责,
 * or none) with the decision's date and reason. Publication still escalates automatically and never
 * lowers; a lowered case can be raised again by the rules or by a person.
 */
@Service
public class EscalationService {

    /** What the person filled in; unused fields are null. */
    public record Decision(String toLevel, LocalDate decidedOn, String reason, LocalDateTime meetingAt, String meetingPlace,
                           String attendees, String referralTo) {
    }

    private final CaseService cases;
    private final CaseRepository caseRows;
    private final EscalationRepository escalations;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public EscalationService(CaseService cases, CaseRepository caseRows, EscalationRepository escalations, AuditLog audit,
                             ObjectProvider<Clock> clock, ApplicationEventPublisher events) {
        this.events = events;
        this.cases = cases;
        this.caseRows = caseRows;
        this.escalations = escalations;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('LEADER','ANALYST')")
    public void decide(long caseId, String actor, Decision d) {
        WarningCase c = cases.get(caseId).c();
        if (c.caseStatus() == CaseStatus.CLOSED) throw new IllegalArgumentException("预警事项 #" + caseId + " 已销号，不能调整升级处置");
        EscalationLevel to = d.toLevel() == null || d.toLevel().isBlank() ? null : level(d.toLevel());
        String reason = required(d.reason(), "调整升级处置必须填写理由", 1000);
        if (d.decidedOn() == null) throw new IllegalArgumentException("请填写决定日期");
        if (d.decidedOn().isAfter(LocalDate.now(clock))) throw new IllegalArgumentException("决定日期 " + d.decidedOn() + " 晚于今天");
        String place = null, attendees = null, referral = null;
        LocalDateTime meeting = null;
        if (to == EscalationLevel.SUMMONS) {
            if (d.meetingAt() == null) throw new IllegalArgumentException("约谈须填写约谈时间");
            meeting = d.meetingAt();
            place = required(d.meetingPlace(), "约谈须填写约谈地点", 200);
            attendees = required(d.attendees(), "约谈须填写参加人员", 1000);
        }
        if (to == EscalationLevel.ACCOUNTABILITY) referral = required(d.referralTo(), "问责须填写移交的机关或责任人", 200);
        String from = c.escalation();
        String toName = to == null ? null : to.name();
        if (java.util.Objects.equals(from, toName))
            throw new IllegalArgumentException("预警事项 #" + caseId + " 已是" + (to == null ? "未升级" : to.label()) + "，无需调整");
        LocalDateTime now = LocalDateTime.now(clock);
        if (!escalations.setLevel(caseId, from, toName, now))
            throw new IllegalArgumentException("预警事项 #" + caseId + " 的升级处置已被他人调整，请刷新后重试");
        escalations.insert(caseId, from, toName, d.decidedOn(), reason, meeting, place, attendees, referral, actor, now);
        boolean up = to != null && (from == null || to.ordinal() > EscalationLevel.valueOf(from).ordinal());
        String detail = (from == null ? "未升级" : EscalationLevel.labelOf(from)) + " → " + (to == null ? "不升级" : to.label())
                + "（" + d.decidedOn() + " 决定）：" + reason
                + (meeting == null ? "" : "；约谈时间 " + meeting.toString().replace('T', ' ') + "，地点 " + place + "，参加人员 " + attendees)
                + (referral == null ? "" : "；移交 " + referral);
        caseRows.event(caseId, now, actor, up ? "ESCALATED" : "DEESCALATED", null, null, detail);
        audit.record(actor, up ? "WARNING_CASE_ESCALATE" : "WARNING_CASE_DEESCALATE", "case:" + caseId + " " + c.unitCode(), detail);
        if (up) events.publishEvent(new CaseEscalated(caseId, c.unitCode(), toName, actor, false));
    }

    public List<ManualEscalation> ofCase(long caseId) {
        cases.get(caseId);
        return escalations.ofCase(caseId);
    }

    private static EscalationLevel level(String name) {
        try {
            return EscalationLevel.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("未知的升级处置“" + name + "”，应为 通报、约谈、问责 或 不升级");
        }
    }

    private static String required(String text, String message, int max) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException(message);
        String t = text.strip();
        if (t.length() > max) throw new IllegalArgumentException(message + "，且不能超过 " + max + " 字（现为 " + t.length() + " 字）");
        return t;
    }
}
