package cn.sanbao.portrait;

import cn.sanbao.monitoring.RunResultRepository;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import cn.sanbao.decision.runway.RunwayService;
import cn.sanbao.kernel.Period;
import cn.sanbao.monitoring.ModelRegistry;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRun;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.monitoring.ResultExplanation;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.region.UnitKind;
import cn.sanbao.security.UnitScope;
import cn.sanbao.warnings.CaseService;
import cn.sanbao.warnings.CaseStatus;

/** Gathers a unit's portrait from the modules that own each part; unit scope is checked first. */
@Service
class PortraitService {

    /** Years looked back for stored months (the history stops at the first year without any). */
    static final int MAX_YEARS = 10;
    static final int MOVES = 5;

    private final ResultRepository results;
    private final ModelRegistry models;
    private final RegionTree regions;
    private final UnitScope scope;
    private final RunwayService runway;
    private final CaseService cases;
    private final RunResultRepository runResultRepository;

    PortraitService(ResultRepository results, ModelRegistry models, RegionTree regions, UnitScope scope, RunwayService runway,
                    CaseService cases, RunResultRepository runResultRepository) {
        this.results = results;
        this.models = models;
        this.regions = regions;
        this.scope = scope;
        this.runway = runway;
        this.cases = cases;
        this.runResultRepository = runResultRepository;
    }

    /** The portrait of a unit at a month (null: the latest month with a run). */
    PortraitData load(String unitCode, String periodOrNull) {
        scope.require(unitCode);
        FiscalUnit unit = regions.unit(unitCode).orElseThrow(() -> new NoSuchElementException("单位 " + unitCode + " 不存在"));
        Period period = periodOrNull != null && !periodOrNull.isBlank() ? Period.parse(periodOrNull)
                : results.latestPeriod(Period.Type.MONTH).map(Period::parse).orElseThrow(() -> new NoSuchElementException("尚未运行监测"));
        if (period.type() != Period.Type.MONTH) throw new IllegalArgumentException("单位画像按月查看：" + period.code());

        Map<Period, ScoringRun> runs = new TreeMap<>();
        Map<Period, UnitRanking> history = new TreeMap<>();
        int latestYear = results.latestPeriod(Period.Type.MONTH).map(p -> Period.parse(p).year()).orElse(period.year());
        for (int y = Math.max(latestYear, period.year()), n = 0; n < MAX_YEARS; y--, n++) {
            Map<Period, ScoringRun> year = results.latestRuns(y, Period.Type.MONTH);
            if (year.isEmpty() && y < period.year()) break;
            runs.putAll(year);
            history.putAll(results.historyByPeriod(unitCode, y, Period.Type.MONTH));
        }
        ScoringRun run = runs.get(period);
        if (run == null || !history.containsKey(period))
            throw new NoSuchElementException(period.label() + "没有" + unit.name() + "的监测结果");
        Map<Period, ResultExplanation> explanations = new LinkedHashMap<>();
        history.keySet().forEach(p -> explanations.put(p, results.explanation(runs.get(p).id(), unitCode)));

        String city = regions.cityOf(unitCode).filter(c -> !c.code().equals(unitCode)).map(FiscalUnit::name).orElse("");
        return new PortraitData(unit, city, period, run, models.engine(models.version(run.modelVersionId())).model(),
                explanations.get(period), history, explanations, ranks(unit, run), runway(unit, period), openCases(unitCode),
                results.moves(run, unitCode, MOVES));
    }

    /**
     * A budget unit is ranked among the budget units of its city and of the region; a city among the cities.
     * Units without a total (data missing) take no place and are not counted.
     */
    private List<PortraitData.Rank> ranks(FiscalUnit unit, ScoringRun run) {
        Map<String, BigDecimal> totals = runResultRepository.totals(run.id());
        BigDecimal own = totals.get(unit.code());
        List<PortraitData.Rank> out = new ArrayList<>();
        if (own == null || unit.isRoot()) return out;
        if (!unit.isConsolidated()) {
            Optional<FiscalUnit> city = regions.cityOf(unit.code()).filter(c -> !c.code().equals(unit.code()));
            city.ifPresent(c -> out.add(rank("所在市", c.name() + "所属预算单位", own, totals,
                    u -> !u.isConsolidated() && regions.isWithin(u.code(), c.code()))));
            out.add(rank("全区", "全区预算单位", own, totals, u -> !u.isConsolidated()));
        } else {
            out.add(rank("全区", "全区各市", own, totals, u -> u.kind() == UnitKind.CITY));
        }
        return out;
    }

    private PortraitData.Rank rank(String scopeName, String peers, BigDecimal own, Map<String, BigDecimal> totals,
                                   Predicate<FiscalUnit> peer) {
        int count = 0, better = 0;
        for (FiscalUnit u : regions.all()) {
            BigDecimal t = totals.get(u.code());
            if (t == null || !peer.test(u)) continue;
            count++;
            if (t.compareTo(own) > 0) better++;
        }
        return new PortraitData.Rank(scopeName, peers, better + 1, count);
    }

    /** Budget units only: a consolidated unit keeps no treasury account of its own. */
    private Optional<PortraitData.Runway> runway(FiscalUnit unit, Period period) {
        if (unit.isConsolidated()) return Optional.empty();
        YearMonth base = YearMonth.of(period.year(), period.number());
        return runway.project(unit.code(), base, true)
                .map(p -> new PortraitData.Runway(runway.history(unit.code(), base), p, runway.band()));
    }

    /** The unit's cases not yet closed (for a city, also its counties'). */
    private List<CaseService.CaseRow> openCases(String unitCode) {
        return cases.list(null, null, null, unitCode).stream().filter(r -> r.c().caseStatus() != CaseStatus.CLOSED).toList();
    }
}
