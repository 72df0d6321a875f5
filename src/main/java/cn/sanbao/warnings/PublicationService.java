package cn.sanbao.warnings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import cn.sanbao.monitoring.ResultExplanation;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRun;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.warnings.WarningRules.RecipientRule;
import cn.sanbao.notify.Notifications;

/**
 * Publishes a month: takes the period's latest run and, in ONE transaction, records the publication,
 * one warning per unit the rules select, opens / reopens / escalates the units' cases, and writes the
 * outbox messages (one per recipient × channel). Either all of it is stored or none of it.
 */
@Service
public class PublicationService {

    private final ResultRepository results;
    private final RegionTree regions;
    private final PublicationRepository publications;
    private final CaseRepository cases;
    private final Notifications outbox;
    private final WarningRules rules;
    private final AuditLog audit;
    private final TransactionOperations tx;
    private final Clock clock;
    private List<ExtraWarningRule> extraRules = List.of();
    /** MonthPublished / CaseEscalated go out with the publication's transaction (none when built by hand in a test). */
    private ApplicationEventPublisher events = event -> { };

    public PublicationService(ResultRepository results, RegionTree regions, PublicationRepository publications,
                              CaseRepository cases, Notifications outbox, WarningRules rules, AuditLog audit,
                              TransactionOperations tx, ObjectProvider<Clock> clock) {
        this.results = results;
        this.regions = regions;
        this.publications = publications;
        this.cases = cases;
        this.outbox = outbox;
        this.rules = rules;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    public Publication publish(Period period, String actor) {
        return publishAt(period, actor, LocalDateTime.now(clock));
    }

    @org.springframework.beans.factory.annotation.Autowired
    void events(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Rules of other modules (optional, each switched on or off there). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void extraRules(List<ExtraWarningRule> rules) {
        this.extraRules = List.copyOf(rules);
    }

    /**
     * Publishes as of {@code now}: the publication date that letters take their 文号 year, 成文日期 and
     * deadlines from. The demo uses it to publish 2021 in 2021.
     */
    public Publication publishAt(Period period, String actor, LocalDateTime now) {
        if (period.type() != Period.Type.MONTH) throw new IllegalArgumentException("只能发布月度监测结果：" + period.code());
        return tx.execute(status -> {
            Publication p = publishInTransaction(period, actor, now).publication();
            events.publishEvent(new MonthPublished(p.id(), period.code(), p.runId(), actor));
            return p;
        });
    }

    /**
     * Publishes after the person has seen the preview of that very run: if the month was re-run since,
     * nothing is published and they are asked to look again.
     */
    public Publication publishConfirmed(Period period, long previewedRunId, String actor) {
        results.latestRun(period).filter(r -> r.id() != previewedRunId).ifPresent(r -> {
            throw new IllegalArgumentException("预览之后" + period.label() + "又运行了监测（运行 #" + r.id() + "），未发布；请重新预览后再确认发出");
        });
        return publish(period, actor);
    }

    /**
     * What publishing would do, without doing it: the whole publication is written in a transaction that is
     * then rolled back, so the preview follows exactly the same rules as the real thing.
     */
    public PublicationPreview preview(Period period) {
        if (period.type() != Period.Type.MONTH) throw new IllegalArgumentException("只能发布月度监测结果：" + period.code());
        return tx.execute(status -> {
            status.setRollbackOnly();
            Outcome o = publishInTransaction(period, "预览", LocalDateTime.now(clock));
            Publication p = o.publication();
            return new PublicationPreview(period.code(), period.label(), p.runId(), publications.warningsOfPublication(p.id()),
                    outbox.ofPublication(p.id()), o.alreadySent(), regions.all().stream()
                            .collect(java.util.stream.Collectors.toMap(FiscalUnit::code, FiscalUnit::name)));
        });
    }

    private record Outcome(Publication publication, int alreadySent) {
    }

    private Outcome publishInTransaction(Period period, String actor, LocalDateTime now) {
        ScoringRun run = results.latestRun(period).orElseThrow(() -> new NoSuchElementException(period.label() + "尚未运行监测，不能发布"));
        publications.publicationForRun(run.id()).ifPresent(p -> {
            throw new IllegalArgumentException(period.label() + "的监测运行 #" + run.id() + " 已于 " + p.publishedAt().toLocalDate()
                    + " 由 " + p.publishedBy() + " 发布，不能重复发布；如数据有更正，请重新运行监测后再发布");
        });
        long pubId = publications.insertPublication(period.code(), run.id(), actor, now);
        String prefix = publications.docPrefix();
        int warnings = 0, messages = 0;
        int[] alreadySent = {0};
        for (FiscalUnit unit : regions.budgetUnits()) {
            ResultExplanation e;
            try {
                e = results.explanation(run.id(), unit.code());
            } catch (NoSuchElementException missing) {
                continue;
            }
            List<String> fired = e.overrides().stream().map(ResultExplanation.Override::code).toList();
            List<String> extra = new ArrayList<>();
            for (ExtraWarningRule r : extraRules) r.cause(unit.code(), period).ifPresent(extra::add);
            if (!e.complete() || (!rules.raises(e.grade(), fired) && extra.isEmpty())) continue;
            int streak = streak(unit.code(), period, e.grade());
            Optional<EscalationLevel> level = rules.escalationFor(streak);
            CaseOutcome c = openOrUpdateCase(unit.code(), e.grade(), e.gradeName(), period, level, actor, now);
            List<String> causes = new ArrayList<>(WarningCauses.of(e));
            causes.addAll(extra);
            int seq = publications.nextLetterSeq(now.getYear());
            String letterNo = prefix + "〔" + now.getYear() + "〕" + seq + "号";
            long warningId = publications.insertWarning(pubId, c.caseId, unit.code(), period.code(), e.grade(), e.gradeName(),
                    e.total(), fired.isEmpty() ? null : String.join(";", fired), String.join("\n", causes),
                    c.newEscalation == null ? null : c.newEscalation.name(), now.getYear(), seq, letterNo, now);
            warnings++;
            messages += writeOutbox(pubId, warningId, unit, period, e, causes, c, letterNo, now, alreadySent);
        }
        publications.updateCounts(pubId, warnings, messages);
        audit.record(actor, "WARNING_PUBLISH", period.code(), "发布" + period.label() + "监测结果（运行 #" + run.id() + "），预警 "
                + warnings + " 个单位，待发送消息 " + messages + " 条" + (alreadySent[0] > 0 ? "，本月已发过不再重发 " + alreadySent[0] + " 条" : ""));
        return new Outcome(publications.publication(pubId).orElseThrow(), alreadySent[0]);
    }

    /** Consecutive published months, ending with this one, in which the unit was at the escalation grade. */
    int streak(String unit, Period period, String grade) {
        if (!rules.escalationGrade().equals(grade)) return 0;
        int n = 1;
        for (Period p = period.previous(); ; p = p.previous()) {
            Optional<Publication> pub = publications.latestPublication(p.code());
            if (pub.isEmpty()) return n;
            String g;
            try {
                g = results.explanation(pub.get().runId(), unit).grade();
            } catch (NoSuchElementException e) {
                return n;
            }
            if (!rules.escalationGrade().equals(g)) return n;
            n++;
        }
    }

    private record CaseOutcome(long caseId, EscalationLevel newEscalation, LocalDate planDeadline) {
    }

    private CaseOutcome openOrUpdateCase(String unit, String grade, String gradeName, Period period, Optional<EscalationLevel> level,
                                         String actor, LocalDateTime now) {
        LocalDate plan = now.toLocalDate().plusDays(rules.planDays());
        LocalDate rectify = now.toLocalDate().plusDays(rules.rectifyDays());
        Optional<WarningCase> latest = cases.latestOfUnit(unit);
        String detail = period.label() + "监测等级为" + gradeName;
        long id;
        EscalationLevel current = null;
        if (latest.isPresent() && latest.get().caseStatus() != CaseStatus.CLOSED) {
            WarningCase c = latest.get();
            id = c.id();
            current = c.escalation() == null ? null : EscalationLevel.valueOf(c.escalation());
            cases.warnAgain(id, grade, period.code(), c.status(), c.planDeadline(), c.rectifyDeadline(), now);
            cases.event(id, now, actor, "WARNED_AGAIN", null, null, detail);
            plan = c.planDeadline();
        } else if (latest.isPresent() && (latest.get().lastPeriod().equals(period.previous().code()) || level.isPresent())) {
            // still bad the month after it was closed: the same case comes back instead of a new one
            WarningCase c = latest.get();
            id = c.id();
            current = c.escalation() == null ? null : EscalationLevel.valueOf(c.escalation());
            cases.warnAgain(id, grade, period.code(), CaseStatus.WARNED.name(), plan, rectify, now);
            cases.event(id, now, actor, "REOPENED", CaseStatus.CLOSED, CaseStatus.WARNED, detail + "，销号后仍未好转");
        } else {
            id = cases.insert(unit, grade, period.code(), now, plan, rectify);
            cases.event(id, now, actor, "OPENED", null, CaseStatus.WARNED, detail);
        }
        EscalationLevel reached = current;
        EscalationLevel next = level.filter(l -> reached == null || l.ordinal() > reached.ordinal()).orElse(null);
        if (next != null) {
            cases.escalate(id, next, now);
            cases.event(id, now, actor, "ESCALATED", null, null, "连续已发布月份处于高度风险，按预警规则升级为" + next.label());
            events.publishEvent(new CaseEscalated(id, unit, next.name(), actor, true)); // a preview rolls it back with the rest
        }
        return new CaseOutcome(id, next, plan);
    }

    private int writeOutbox(long pubId, long warningId, FiscalUnit unit, Period period, ResultExplanation e,
                            List<String> causes, CaseOutcome c, String letterNo, LocalDateTime now, int[] alreadySent) {
        int n = 0;
        for (RecipientRule rule : rules.recipients()) {
            if (!rule.appliesTo(e.grade())) continue;
            for (Contact contact : recipients(rule, unit)) {
                for (String channel : rule.channels()) {
                    String address = contact.address(channel);
                    if (address == null) continue;
                    // one message per month, unit, recipient and channel: publishing the month again (after a
                    // re-run) never sends the same person the same month's warning twice
                    String key = "SB-" + period.code() + "-" + unit.code() + "-" + rule.type() + "-C" + contact.id() + "-" + channel;
                    if (outbox.queued(key)) {
                        alreadySent[0]++;
                        continue;
                    }
                    outbox.queue(new Notifications.Message(pubId, warningId, unit.code(), rule.type().name(), contact.name(), channel, address,
                            WarningMessages.subject(unit.name(), period.label(), letterNo),
                            WarningMessages.body(channel, unit.name(), period.label(), e.gradeName(), causes, c.newEscalation,
                                    c.planDeadline, letterNo), key), now);
                    n++;
                }
            }
        }
        return n;
    }

    private List<Contact> recipients(RecipientRule rule, FiscalUnit unit) {
        return switch (rule.type()) {
            case UNIT -> publications.contacts(unit.code(), Contact.UNIT);
            case CITY -> regions.cityOf(unit.code()).map(city -> publications.contacts(city.code(), Contact.UNIT))
                    .orElse(new ArrayList<>());
            case LEADER -> publications.contactsByRole(Contact.LEADER);
        };
    }
}
