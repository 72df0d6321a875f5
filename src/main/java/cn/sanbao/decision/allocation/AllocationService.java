package cn.sanbao.decision.allocation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.facts.FactResolver;
import cn.sanbao.facts.UnitFacts;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.projects.Projects;
import cn.sanbao.projects.demand.ScopeRepository;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;

/** Stores named weightings (every save a new version) and computes allocations from the stored figures of a month. */
@Service
public class AllocationService {

    public static final String POPULATION_MEASURE = "resident_population";
    private static final List<String> DEMAND = Pillar.demandItems(Pillar.SANBAO);
    private static final List<String> BUDGET = Pillar.budgetItems(Pillar.SANBAO);

    private final WeightingRepository weightingRows;
    private final FactResolver resolver;
    private final ResultRepository results;
    private final Projects projects;
    private final RegionTree regions;
    private final AuditLog audit;
    private final Clock clock;

    public AllocationService(WeightingRepository weightingRows, FactResolver resolver, ResultRepository results, Projects projects,
                             RegionTree regions, AuditLog audit, ObjectProvider<Clock> clock) {
        this.weightingRows = weightingRows;
        this.resolver = resolver;
        this.results = results;
        this.projects = projects;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    public Weighting save(String name, String weightsText, String actor) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("请填写权重方案名称");
        Map<Factor, BigDecimal> weights = Weighting.parse(weightsText);
        String n = name.trim();
        int version = weightingRows.latestVersion(n) + 1;
        Weighting w = new Weighting(0, n, version, weights);
        weightingRows.insert(w, actor, LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
        audit.record(actor, "ALLOCATION_WEIGHTING", w.label(), w.description());
        return weightings().stream().filter(x -> x.name().equals(n) && x.version() == version).findFirst().orElseThrow();
    }

    public List<Weighting> weightings() {
        return weightingRows.findAll();
    }

    public Weighting weighting(long id) {
        return weightings().stream().filter(w -> w.id() == id).findFirst()
                .orElseThrow(() -> new NoSuchElementException("权重方案 #" + id + " 不存在"));
    }

    /** Factor values of every budget unit for the month: annual figures of its year, score of its latest run. */
    public List<FactorAllocator.UnitFactors> factors(Period month) {
        Map<String, UnitFacts> facts = resolver.resolve(month);
        Map<String, BigDecimal> scores = new HashMap<>();
        for (UnitRanking r : results.ranking(month, u -> true)) if (r.total() != null) scores.put(r.unitCode(), r.total());
        ScopeRepository.Scope scope = projects.scope(month.year());
        List<FactorAllocator.UnitFactors> out = new ArrayList<>();
        for (FiscalUnit u : regions.budgetUnits()) {
            UnitFacts f = facts.get(u.code());
            if (f == null) continue;
            BigDecimal demand = sum(f, DEMAND);
            BigDecimal gap = demand.subtract(sum(f, BUDGET)).max(BigDecimal.ZERO);
            Map<Factor, BigDecimal> v = new EnumMap<>(Factor.class);
            v.put(Factor.GAP, gap);
            BigDecimal population = scope.quantity(u.code(), POPULATION_MEASURE);
            v.put(Factor.POPULATION, population == null ? BigDecimal.ZERO : population);
            BigDecimal cap = f.amount("fiscal_capacity").orElse(BigDecimal.ZERO);
            v.put(Factor.DIFFICULTY, cap.signum() > 0 ? demand.divide(cap, 6, RoundingMode.HALF_UP) : BigDecimal.ZERO);
            v.put(Factor.PERFORMANCE, scores.getOrDefault(u.code(), BigDecimal.ZERO));
            out.add(new FactorAllocator.UnitFactors(u.code(), gap, v));
        }
        return out;
    }

    public FactorAllocator.Result allocate(Period month, BigDecimal pool, Weighting w) {
        return FactorAllocator.allocate(pool, factors(month), w.weights());
    }

    private static BigDecimal sum(UnitFacts f, List<String> items) {
        BigDecimal s = BigDecimal.ZERO;
        for (String i : items) s = s.add(f.amount(i).orElse(BigDecimal.ZERO));
        return s.round(MathContext.DECIMAL128);
    }
}
