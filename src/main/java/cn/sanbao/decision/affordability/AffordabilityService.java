package cn.sanbao.decision.affordability;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactResolver;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.facts.UnitFacts;
import cn.sanbao.monitoring.ModelRegistry;
import cn.sanbao.projects.Projects;
import cn.sanbao.projects.demand.ScopeRepository;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.projects.list.ListVersion;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.kernel.Money;

/** Saves affordability cases and costs them per unit, re-scoring each year's demand with the published model. */
@Service
public class AffordabilityService {

    public record Case(long id, String name, Proposal proposal, Period basePeriod, String createdBy, LocalDateTime createdAt) {
    }

    public record Row(FiscalUnit unit, BigDecimal quantity, BigDecimal localShare, List<ExtraCost.Year> years,
                      ProposalScorer.Outcome base, List<ProposalScorer.Outcome> outcomes, boolean flagged) {
        public ProposalScorer.Outcome worst() { return outcomes.get(outcomes.size() - 1); }
    }

    public record Report(Case kase, GuaranteeItem item, String flagGradeName, List<Row> rows) {
        public List<Row> flagged() { return rows.stream().filter(Row::flagged).toList(); }
    }

    private final AffordabilityCaseRepository caseRows;
    private final Projects projects;
    private final FactResolver resolver;
    private final ModelRegistry models;
    private final RegionTree regions;
    private final AuditLog audit;
    private final Clock clock;
    private final String flagGrade;

    public AffordabilityService(AffordabilityCaseRepository caseRows, Projects projects, FactResolver resolver,
                                ModelRegistry models, RegionTree regions, AuditLog audit, ObjectProvider<Clock> clock,
                                @Value("${sanbao.decision.affordability.flag-grade:MEDIUM}") String flagGrade) {
        this.caseRows = caseRows;
        this.projects = projects;
        this.resolver = resolver;
        this.models = models;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
        this.flagGrade = flagGrade;
    }

    public long save(String name, Proposal p, Period basePeriod, String actor) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("请填写测算方案名称");
        if (basePeriod.type() != Period.Type.MONTH) throw new IllegalArgumentException("评分基准期须为月份，如 2021-12");
        item(p);
        long id = caseRows.insert(name.trim(), p, basePeriod, actor, LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
        audit.record(actor, "AFFORDABILITY_CASE", "可承受能力测算 #" + id, name.trim() + "：" + p.itemCode() + " 新标准 "
                + p.newStandard().toPlainString() + " 元，" + p.start() + " 起，口径年增长 " + p.scopeGrowth().toPlainString());
        return id;
    }

    public List<Case> cases() {
        return caseRows.findAll();
    }

    public Case kase(long id) {
        return cases().stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new NoSuchElementException("可承受能力测算 #" + id + " 不存在"));
    }

    /** Costs the case for every visible budget unit with scope data; base = the unit's grade on the stored figures. */
    public Report report(Case c, Predicate<String> visible) {
        GuaranteeItem item = item(c.proposal());
        ScopeRepository.Scope scope = projects.scope(c.proposal().start().getYear());
        if (scope.revision() == 0) scope = projects.scope(c.basePeriod().year());
        ProposalScorer scorer = new ProposalScorer(models.engine(models.publishedFor(c.basePeriod())));
        Map<String, UnitFacts> facts = resolver.resolve(c.basePeriod());
        List<Row> rows = new ArrayList<>();
        for (FiscalUnit u : regions.budgetUnits()) {
            if (!visible.test(u.code())) continue;
            BigDecimal q = scope.quantity(u.code(), item.scopeMeasure());
            if (q == null && !item.scopeMeasure().isEmpty()) continue;
            BigDecimal share = item.localShare(u.kind());
            List<ExtraCost.Year> years = ExtraCost.of(item, c.proposal(), q == null ? BigDecimal.ONE : q, share);
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            UnitFacts f = facts.get(u.code());
            if (f != null) for (ResolvedFact r : f.items().values()) values.put(r.itemCode(), r.amount());
            String demandItem = item.pillar().demandItem();
            ProposalScorer.Outcome base = scorer.score(u.code(), c.basePeriod(), values, demandItem, BigDecimal.ZERO);
            List<ProposalScorer.Outcome> outcomes = new ArrayList<>();
            for (ExtraCost.Year y : years) outcomes.add(scorer.score(u.code(), c.basePeriod(), values, demandItem, y.extra()));
            boolean falls = !scorer.atLeast(base.grade(), flagGrade) && outcomes.stream().anyMatch(o -> scorer.atLeast(o.grade(), flagGrade));
            rows.add(new Row(u, q, share, years, base, outcomes, falls));
        }
        String flagName = models.engine(models.publishedFor(c.basePeriod())).model().gradeName(flagGrade);
        return new Report(c, item, flagName, rows);
    }

    public String summary(Report r) {
        BigDecimal total = r.rows().stream().map(x -> x.years().get(0).extra()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return "首年新增支出合计 " + Money.wan(total) + " 万元，" + r.flagged().size() + " 个单位降至" + r.flagGradeName() + "或更差";
    }

    private GuaranteeItem item(Proposal p) {
        ListVersion list = projects.currentList().orElseThrow(() -> new NoSuchElementException("尚未载入保障清单"));
        return list.items().stream().filter(i -> i.code().equals(p.itemCode()) && i.effectiveYear() <= p.start().getYear())
                .max(java.util.Comparator.comparingInt(GuaranteeItem::effectiveYear))
                .orElseThrow(() -> new IllegalArgumentException("保障清单中没有 " + p.start().getYear() + " 年有效的项目“" + p.itemCode() + "”"));
    }
}
