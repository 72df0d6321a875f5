package cn.sanbao.discipline;

import cn.sanbao.decision.runway.RunwayProjection;
import cn.sanbao.decision.runway.RunwayService;
import cn.sanbao.kernel.Period;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactRevisionRepository;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.intake.PaymentRepository;
import cn.sanbao.intake.SpendingMark;
import cn.sanbao.intake.SpendingMarks;
import cn.sanbao.projects.library.Project;
import cn.sanbao.projects.Projects;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * 支出约束监测 of the budget units for a month, from the stored facts (paid_* and the items the payment detail
 * produces) and the 库款保障水平 of {@link RunwayService}: 「两个支出」优先 checks and 直达资金 progress.
 */
@Service
public class DisciplineService {

    static final List<String> SANBAO_PAID = Pillar.paidItems(Pillar.SANBAO);
    static final List<String> SANBAO_BUDGET = Pillar.budgetItems(Pillar.SANBAO);
    /** Items shown with the revision they came from. */
    static final List<String> SOURCE_ITEMS = List.of("paid_non_priority", "paid_debt_service", "debt_service_due",
            "budget_non_priority", "direct_allocated", "direct_arrived", "direct_paid");

    /** One unit's check with, per item, the revision its value came from. */
    public record UnitCheck(FiscalUnit unit, Period period, TwoPriorities check, Map<String, Long> sources) {
    }

    public record ProjectLine(String code, String name, String agency, BigDecimal amount, BigDecimal paid) {
    }

    public record DirectRow(FiscalUnit unit, DirectFunds funds, List<ProjectLine> projects, Map<String, Long> sources) {
    }

    private final FactRepository facts;
    private final RegionTree regions;
    private final RunwayService runway;
    private final SpendingMarks marks;
    private final Projects projects;
    private final PaymentRepository payments;
    private final int defaultIdleMonths;
    private final FactRevisionRepository revisions;
    private final Object computing = new Object();
    private final Map<String, MonthInputs> monthCache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MonthInputs> eldest) { return size() > 24; }
    });

    public DisciplineService(FactRepository facts, RegionTree regions, RunwayService runway, SpendingMarks marks, Projects projects,
                             PaymentRepository payments, FactRevisionRepository revisions, @Value("${sanbao.discipline.idle-months:3}") int defaultIdleMonths) {
        if (defaultIdleMonths < 1 || defaultIdleMonths > 11) throw new IllegalArgumentException("sanbao.discipline.idle-months 应为 1–11 个月");
        this.facts = facts;
        this.regions = regions;
        this.runway = runway;
        this.marks = marks;
        this.projects = projects;
        this.payments = payments;
        this.defaultIdleMonths = defaultIdleMonths;
        this.revisions = revisions;
    }

    public int defaultIdleMonths() { return defaultIdleMonths; }

    public BigDecimal cashLow() { return runway.band().low(); }

    /** The 两个支出 check of every visible budget unit with paid data in the month, region order. */
    public List<UnitCheck> twoPriorities(Period month, Predicate<String> visible) {
        requireMonth(month);
        List<UnitCheck> out = new ArrayList<>();
        for (UnitCheck c : monthInputs(month).checks()) if (visible.test(c.unit().code())) out.add(c);
        return out;
    }

    /** One unit's check, reading only that unit's figures (a unit page must not cost a province-wide read). */
    public Optional<UnitCheck> twoPriorities(Period month, String unit) {
        requireMonth(month);
        Optional<FiscalUnit> u = regions.unit(unit).filter(x -> regions.isBudgetUnit(x.code()));
        if (u.isEmpty()) return Optional.empty();
        Map<String, ResolvedFact> f = new HashMap<>();
        for (ResolvedFact r : facts.current(List.of(month.code(), String.valueOf(month.year())), List.of(unit), null)) f.put(r.itemCode(), r);
        if (!f.containsKey(Pillar.WAGE.paidItem())) return Optional.empty();
        BigDecimal level = runway.project(unit, YearMonth.of(month.year(), month.number()), false).map(RunwayProjection::baseLevel).orElse(null);
        return check(u.get(), month, f, level);
    }

    private Optional<UnitCheck> check(FiscalUnit u, Period month, Map<String, ResolvedFact> f, BigDecimal level) {
        if (f == null || !f.containsKey(Pillar.WAGE.paidItem())) return Optional.empty();
        TwoPriorities check = new TwoPriorities(month.timeProgress(), sum(f, SANBAO_PAID), sum(f, SANBAO_BUDGET),
                amount(f, "paid_debt_service"), amount(f, "debt_service_due"), amount(f, "paid_non_priority"),
                amount(f, "budget_non_priority"), level, cashLow());
        return Optional.of(new UnitCheck(u, month, check, sources(f)));
    }

    /** Every budget unit's check of a month (region order), as of one data revision. */
    private record MonthInputs(long revision, List<UnitCheck> checks) {
    }

    /**
     * Kept until the next data revision: the dashboard shows the flagged units on every visit, and reading all
     * units' figures and cash histories each time exhausts the database at provincial scale (3,000 units).
     */
    private MonthInputs monthInputs(Period month) {
        long revision = revisions.latestRevisionId();
        MonthInputs cached = monthCache.get(month.code());
        if (cached != null && cached.revision() == revision) return cached;
        // one computation at a time: after an import the first visitor computes, the others wait for its answer
        // instead of each reading every unit's figures at once
        synchronized (computing) {
            cached = monthCache.get(month.code());
            if (cached != null && cached.revision() == revision) return cached;
            Map<String, BigDecimal> levels = new HashMap<>();
            for (RunwayProjection p : runway.projectAll(YearMonth.of(month.year(), month.number()), u -> true, false))
                levels.put(p.unitCode(), p.baseLevel());
            Map<String, Map<String, ResolvedFact>> figures = byUnit(month, List.of(month.code(), String.valueOf(month.year())));
            // the checks themselves are kept too: computing 3,000 of them cost more than the rest of the dashboard
            List<UnitCheck> checks = new ArrayList<>();
            for (FiscalUnit u : regions.budgetUnits())
                check(u, month, figures.get(u.code()), levels.get(u.code())).ifPresent(checks::add);
            MonthInputs fresh = new MonthInputs(revision, List.copyOf(checks));
            monthCache.put(month.code(), fresh);
            return fresh;
        }
    }

    /** Months of the year in which the unit was flagged, for the unit page: the unit's figures read once, not per month. */
    public List<Period> flaggedMonths(String unit, int year, int upToMonth) {
        Optional<FiscalUnit> u = regions.unit(unit).filter(x -> regions.isBudgetUnit(x.code()));
        if (u.isEmpty() || upToMonth < 1) return List.of();
        List<String> periods = new ArrayList<>(List.of(String.valueOf(year)));
        for (int m = 1; m <= upToMonth; m++) periods.add(Period.month(year, m).code());
        Map<String, Map<String, ResolvedFact>> byPeriod = new HashMap<>();
        for (ResolvedFact r : facts.current(periods, List.of(unit), null))
            byPeriod.computeIfAbsent(r.period(), k -> new HashMap<>()).put(r.itemCode(), r);
        Map<YearMonth, BigDecimal> levels = runway.baseLevels(unit, YearMonth.of(year, upToMonth));
        List<Period> out = new ArrayList<>();
        for (int m = 1; m <= upToMonth; m++) {
            Period p = Period.month(year, m);
            Map<String, ResolvedFact> f = new HashMap<>(byPeriod.getOrDefault(String.valueOf(year), Map.of()));
            f.putAll(byPeriod.getOrDefault(p.code(), Map.of()));
            check(u.get(), p, f, levels.get(YearMonth.of(year, m))).filter(c -> c.check().flagged()).ifPresent(c -> out.add(p));
        }
        return out;
    }

    /**
     * 直达资金 of every visible budget unit that reported any in the year up to the month; with {@code idleOnly}
     * only the units with idle funds (arrived ≥ {@code idleMonths} months ago and still unpaid), largest first.
     */
    public List<DirectRow> directFunds(Period month, int idleMonths, boolean idleOnly, Predicate<String> visible) {
        requireMonth(month);
        if (idleMonths < 1 || idleMonths > 11) throw new IllegalArgumentException("闲置月数应为 1–11 个月，实际为 " + idleMonths);
        int earlier = month.number() - idleMonths;
        Map<String, Map<String, ResolvedFact>> now = byUnit(month, List.of(month.code()));
        Map<String, Map<String, ResolvedFact>> before = earlier >= 1 ? byUnit(month, List.of(Period.month(month.year(), earlier).code())) : Map.of();
        SpendingMarks.Matcher matcher = marks.matcher();
        List<DirectRow> out = new ArrayList<>();
        for (FiscalUnit u : regions.budgetUnits()) {
            if (!visible.test(u.code())) continue;
            Map<String, ResolvedFact> f = now.getOrDefault(u.code(), Map.of());
            // every payment import gives direct_paid (often 0); a unit has direct funds when some were allocated, arrived or paid
            boolean any = f.containsKey("direct_allocated") || f.containsKey("direct_arrived")
                    || (f.containsKey("direct_paid") && f.get("direct_paid").amount().signum() != 0);
            if (!any) continue;
            BigDecimal arrivedBefore = earlier < 1 ? BigDecimal.ZERO : amount(before.getOrDefault(u.code(), Map.of()), "direct_arrived");
            DirectFunds funds = new DirectFunds(amount(f, "direct_allocated"), amount(f, "direct_arrived"), amount(f, "direct_paid"),
                    arrivedBefore, month.timeProgress());
            if (idleOnly && !funds.isIdle()) continue;
            out.add(new DirectRow(u, funds, idleOnly ? projectsOf(u.code(), month, matcher) : List.of(), sources(f)));
        }
        if (idleOnly) out.sort((a, b) -> b.funds().idle().compareTo(a.funds().idle()));
        return out;
    }

    /** The unit's 直达资金 projects of the library (function or economic code carries the mark), with paid to date. */
    private List<ProjectLine> projectsOf(String unit, Period month, SpendingMarks.Matcher matcher) {
        List<ProjectLine> out = new ArrayList<>();
        Map<String, BigDecimal> paid = null;
        for (Project p : projects.ofUnit(unit, month.year())) {
            if (!matcher.has(SpendingMark.DIRECT_FUND, p.functionCode(), p.economicCode())) continue;
            if (paid == null) paid = payments.paidByProject(unit, month.year(), month.endDate());
            out.add(new ProjectLine(p.code(), p.name(), p.agency(), p.amount(), paid.getOrDefault(p.code(), BigDecimal.ZERO.setScale(2))));
        }
        return out;
    }

    /** The codes that mark 直达资金 payments, for the page ("2130504 农村基础设施建设"). */
    public List<String> directFundCodes() {
        return marks.rules(SpendingMark.DIRECT_FUND).stream().map(r -> r.prefix() + " " + r.name()).toList();
    }

    private Map<String, Map<String, ResolvedFact>> byUnit(Period month, List<String> periods) {
        Map<String, Map<String, ResolvedFact>> out = new HashMap<>();
        for (ResolvedFact f : facts.current(periods, null))
            out.computeIfAbsent(f.unitCode(), k -> new HashMap<>()).put(f.itemCode(), f);
        return out;
    }

    private static Map<String, Long> sources(Map<String, ResolvedFact> f) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String item : SOURCE_ITEMS) if (f.containsKey(item)) out.put(item, f.get(item).revisionId());
        return out;
    }

    private static BigDecimal amount(Map<String, ResolvedFact> f, String item) {
        ResolvedFact v = f.get(item);
        return v == null ? null : v.amount();
    }

    /** Sum of the items, or null when any is missing (a partial sum would look like a real figure). */
    private static BigDecimal sum(Map<String, ResolvedFact> f, List<String> items) {
        BigDecimal s = BigDecimal.ZERO;
        for (String i : items) {
            if (!f.containsKey(i)) return null;
            s = s.add(f.get(i).amount());
        }
        return s;
    }

    private static void requireMonth(Period p) {
        if (p.type() != Period.Type.MONTH) throw new IllegalArgumentException("支出约束监测按月计算，期间应为月（如 2021-03）：" + p.code());
    }
}
