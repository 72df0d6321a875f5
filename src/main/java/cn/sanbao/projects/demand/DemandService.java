package cn.sanbao.projects.demand;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.projects.list.GuaranteeListRepository;
import cn.sanbao.projects.list.ListVersion;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;

/** Runs and stores demand estimations, and writes their pillar sums as the 三保 demand facts on request. */
@Service
public class DemandService {

    public static final String FACT_SOURCE = "DEMAND";

    private final EstimationRepository estimations;
    private final GuaranteeListRepository lists;
    private final ScopeRepository scopes;
    private final RegionTree regions;
    private final FactRepository facts;
    private final AuditLog audit;
    private final Clock clock;

    public DemandService(EstimationRepository estimations, GuaranteeListRepository lists, ScopeRepository scopes, RegionTree regions,
                         FactRepository facts, AuditLog audit, ObjectProvider<Clock> clock) {
        this.estimations = estimations;
        this.lists = lists;
        this.scopes = scopes;
        this.regions = regions;
        this.facts = facts;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** Estimates every budget unit with scope data for the year, with the current list; stores the lines. */
    @Transactional
    public Estimation estimate(int year, String actor) {
        ListVersion list = lists.current().orElseThrow(() -> new NoSuchElementException("尚未载入保障清单"));
        ScopeRepository.Scope scope = scopes.scope(year);
        if (scope.revision() == 0) throw new NoSuchElementException(year + " 年尚未导入测算口径数据");
        List<GuaranteeItem> items = list.itemsFor(year);
        List<DemandLine> lines = new ArrayList<>();
        for (FiscalUnit u : regions.budgetUnits()) {
            Map<String, BigDecimal> q = scope.byUnit().get(u.code());
            if (q == null) continue;
            lines.addAll(DemandCalculator.unit(u.code(), u.kind(), items, q::get));
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        long id = estimations.insert(year, list.id(), scope.revision(), actor, now, lines);
        Estimation e = new Estimation(id, year, list.id(), scope.revision(), null, actor, now);
        audit.record(actor, "DEMAND_ESTIMATE", e.label(), lines.size() + " 条测算明细");
        return e;
    }

    /**
     * 写入三保需求: stores the per-pillar sums of every estimated unit as one fact revision (source DEMAND,
     * label naming the estimation), so the model reads demand that can be traced to its lines.
     */
    @Transactional
    public long writeFacts(long estimationId, String actor) {
        Estimation e = estimation(estimationId);
        if (e.factRevision() != null) throw new IllegalArgumentException(e.label() + " 已写入过三保需求（数据修订 #" + e.factRevision() + "）");
        List<FactValue> values = new ArrayList<>();
        pillarTotals(estimationId).forEach((unit, sums) -> sums.forEach((pillar, amount) ->
                values.add(new FactValue(unit, String.valueOf(e.year()), pillar.demandItem(), amount))));
        long revision = facts.createRevision(FACT_SOURCE, e.label(), actor, null, values, "DEMAND_WRITE_FACTS",
                e.label() + "：写入三保需求 " + values.size() + " 条");
        estimations.setFactRevision(estimationId, revision);
        return revision;
    }

    public Estimation estimation(long id) {
        return estimations.find(id).orElseThrow(() -> new NoSuchElementException("需求测算 #" + id + " 不存在"));
    }

    public Optional<Estimation> latest(int year) { return estimations.latest(year); }

    /** The estimation whose sums a fact revision holds, if that revision was written from one. */
    public Optional<Estimation> byFactRevision(long factRevision) { return estimations.byFactRevision(factRevision); }

    public List<DemandLine> lines(long estimationId, String unitCode) { return estimations.lines(estimationId, unitCode); }

    /** Per unit (region order) the pillar sums of the estimation's lines. */
    public Map<String, Map<Pillar, BigDecimal>> pillarTotals(long estimationId) {
        Map<String, List<DemandLine>> byUnit = new LinkedHashMap<>();
        for (DemandLine l : lines(estimationId, null)) byUnit.computeIfAbsent(l.unitCode(), k -> new ArrayList<>()).add(l);
        Map<String, Map<Pillar, BigDecimal>> result = new LinkedHashMap<>();
        for (FiscalUnit u : regions.budgetUnits()) {
            List<DemandLine> ls = byUnit.get(u.code());
            if (ls != null) result.put(u.code(), DemandCalculator.byPillar(ls));
        }
        return result;
    }
}
