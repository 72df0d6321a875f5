package cn.sanbao.warnings;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import cn.sanbao.region.RegionTree;
import cn.sanbao.security.UnitScope;
import cn.sanbao.warnings.letter.Letter;
import cn.sanbao.warnings.letter.LetterService;
import cn.sanbao.warnings.letter.LetterService.NoticeLine;

/**
 * The month's 通报批评: units escalated to 通报 by that month's publication (the rules) and by people's
 * decisions dated in the month. Region-wide, so for department users only; downloads are audited.
 */
@Service
public class NoticeService {

    private final PublicationRepository publications;
    private final EscalationRepository escalations;
    private final CaseRepository cases;
    private final RegionTree regions;
    private final LetterService letters;
    private final UnitScope scope;
    private final AuditLog audit;
    private final Clock clock;

    public NoticeService(PublicationRepository publications, EscalationRepository escalations, CaseRepository cases,
                         RegionTree regions, LetterService letters, UnitScope scope, AuditLog audit, ObjectProvider<Clock> clock) {
        this.publications = publications;
        this.escalations = escalations;
        this.cases = cases;
        this.regions = regions;
        this.letters = letters;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    public List<NoticeLine> lines(Period month) {
        if (!scope.seesAll()) throw new AccessDeniedException("通报批评为全区文件，仅限自治区用户查看");
        if (month.type() != Period.Type.MONTH) throw new IllegalArgumentException("通报按月编制，请选择月份：" + month.code());
        List<NoticeLine> out = new ArrayList<>();
        publications.latestPublication(month.code()).ifPresent(p -> {
            for (Warning w : publications.warningsOfPublication(p.id()))
                if (EscalationLevel.NOTICE.name().equals(w.escalation()))
                    out.add(new NoticeLine(name(w.unitCode()), "连续两个月以上处于高度风险，按预警规则通报批评"
                            + (w.causeLines().isEmpty() ? "。" : "；主要问题：" + w.causeLines().get(0) + "。")));
        });
        for (ManualEscalation e : escalations.decidedBetween(month.startDate(), month.endDate()))
            if (EscalationLevel.NOTICE.name().equals(e.toLevel()))
                cases.find(e.caseId()).ifPresent(c -> out.add(new NoticeLine(name(c.unitCode()), e.reason()
                        + "（" + e.decidedOn() + " 决定通报批评）")));
        return out;
    }

    public Letter notice(Period month) {
        List<NoticeLine> lines = lines(month);
        if (lines.isEmpty()) throw new IllegalArgumentException(month.label() + "没有被通报批评的单位，无需印发通报");
        return letters.notice(month, lines, LocalDateTime.now(clock));
    }

    public byte[] docx(Period month, String actor) {
        Letter l = notice(month);
        audit.record(actor, "WARNING_NOTICE_DOWNLOAD", l.docNo(), month.label() + "通报批评 DOCX，" + lineCount(l) + " 个单位");
        return letters.docx(l);
    }

    public byte[] pdf(Period month, String actor) {
        Letter l = notice(month);
        audit.record(actor, "WARNING_NOTICE_DOWNLOAD", l.docNo(), month.label() + "通报批评 PDF，" + lineCount(l) + " 个单位");
        return letters.pdf(l);
    }

    private static int lineCount(Letter l) {
        return l.paragraphs().size() - 2;
    }

    private String name(String code) {
        return regions.unit(code).map(u -> u.name()).orElse(code);
    }
}
