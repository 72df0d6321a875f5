package cn.sanbao.projects.trace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.projects.demand.DemandLine;
import cn.sanbao.projects.demand.DemandService;
import cn.sanbao.projects.demand.Estimation;
import cn.sanbao.projects.library.Project;
import cn.sanbao.projects.library.ProjectRepository;
import cn.sanbao.projects.list.GuaranteeListRepository;
import cn.sanbao.projects.list.ListVersion;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.shared.web.Page;
import cn.sanbao.shared.web.PageRequest;

/** 追溯: pillar total → estimation lines → projects → payments. */
@Service
public class TraceService {

    private final FactRepository facts;
    private final DemandService demand;
    private final ProjectRepository projects;
    private final GuaranteeListRepository lists;
    private final ObjectProvider<PaymentSource> payments;

    public TraceService(FactRepository facts, DemandService demand, ProjectRepository projects, GuaranteeListRepository lists,
                        ObjectProvider<PaymentSource> payments) {
        this.facts = facts;
        this.demand = demand;
        this.projects = projects;
        this.lists = lists;
        this.payments = payments;
    }

    PaymentSource source() {
        return payments.getIfUnique(() -> PaymentSource.NONE);
    }

    public PillarTrace pillar(String unitCode, int year, Pillar pillar, LocalDate upTo) {
        ResolvedFact fact = facts.current(List.of(String.valueOf(year)), null).stream()
                .filter(f -> f.unitCode().equals(unitCode) && f.itemCode().equals(pillar.demandItem())).findFirst().orElse(null);
        // the fact leads to its estimation only when it was written by one; otherwise show the latest estimate
        Estimation e = fact == null ? null : demand.byFactRevision(fact.revisionId()).orElse(null);
        Estimation shown = e != null ? e : demand.latest(year).orElse(null);
        List<DemandLine> lines = shown == null ? List.of()
                : demand.lines(shown.id(), unitCode).stream().filter(l -> l.pillar() == pillar).toList();
        ListVersion list = lists.current().orElse(null);
        List<Project> funding = projects.ofUnit(unitCode, year).stream().filter(p -> p.tag().pillar() == pillar
                || (p.itemCode() != null && list != null && list.item(p.itemCode(), year).map(i -> i.pillar() == pillar).orElse(false)))
                .toList();
        PaymentSource source = source();
        Map<String, BigDecimal> paid = source.paidByProject(unitCode, year, upTo);
        List<ProjectProgress> rows = funding.stream().map(p -> progress(p, paid.get(p.code()), upTo)).toList();
        return new PillarTrace(unitCode, year, pillar, fact == null ? null : fact.amount(), fact == null ? null : fact.revisionId(),
                e, lines, rows, upTo, source.connected());
    }

    /** The project, its progress to {@code upTo} and every payment. */
    public record ProjectTrace(ProjectProgress progress, List<ProjectPayment> payments, boolean paymentsConnected) {
    }

    /** One page of the project's payments (the list can run to thousands), with its progress and the count of all payments. */
    public record ProjectPage(ProjectProgress progress, Page<ProjectPayment> payments, boolean paymentsConnected) {
    }

    public ProjectPage projectPage(String unitCode, String projectCode, int year, LocalDate upTo, PageRequest page) {
        Project p = projectOf(unitCode, projectCode, year);
        PaymentSource source = source();
        BigDecimal paid = source.paidByProject(unitCode, year, upTo).get(projectCode);
        Page<ProjectPayment> payments = Page.of(source.payments(unitCode, projectCode, year, page.offset(), page.size()), page,
                source.paymentCount(unitCode, projectCode, year));
        return new ProjectPage(progress(p, paid, upTo), payments, source.connected());
    }

    private Project projectOf(String unitCode, String projectCode, int year) {
        return projects.ofUnit(unitCode, year).stream().filter(x -> x.code().equals(projectCode)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(year + " 年项目库中没有 " + unitCode + " 的项目 " + projectCode));
    }

    public ProjectTrace project(String unitCode, String projectCode, int year, LocalDate upTo) {
        Project p = projectOf(unitCode, projectCode, year);
        PaymentSource source = source();
        List<ProjectPayment> list = source.payments(unitCode, projectCode, year);
        BigDecimal paid = list.stream().filter(x -> !x.paidOn().isAfter(upTo)).map(ProjectPayment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ProjectTrace(progress(p, paid, upTo), list, source.connected());
    }

    static ProjectProgress progress(Project p, BigDecimal paidOrNull, LocalDate upTo) {
        BigDecimal paid = (paidOrNull == null ? BigDecimal.ZERO : paidOrNull).setScale(2, RoundingMode.HALF_UP);
        BigDecimal progress = p.amount().signum() == 0 ? null : paid.divide(p.amount(), 4, RoundingMode.HALF_UP);
        LocalDate start = LocalDate.of(p.year(), 1, 1);
        long days = ChronoUnit.DAYS.between(start, start.plusYears(1));
        long elapsed = Math.max(0, Math.min(days, ChronoUnit.DAYS.between(start, upTo) + 1));
        BigDecimal time = BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(days), 4, RoundingMode.HALF_UP);
        boolean midYearPassed = !upTo.isBefore(LocalDate.of(p.year(), 6, 30));
        boolean flagged = p.tag().isSanbao() && p.amount().signum() > 0 && paid.signum() == 0 && midYearPassed;
        return new ProjectProgress(p, paid, progress, time, flagged);
    }
}
