package cn.sanbao.monitoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import tools.jackson.databind.json.JsonMapper;

/** Read side of monitoring: results of a period, one unit's explanation and history, changes. */
@Service
public class ResultRepository {

    private final RunRepository runs;
    private final ModelRegistry models;
    private final RegionTree regions;
    private final JsonMapper json;

    public ResultRepository(RunRepository runs, ModelRegistry models, RegionTree regions, JsonMapper json) {
        this.runs = runs;
        this.models = models;
        this.regions = regions;
        this.json = json;
    }

    public Optional<String> latestPeriod(Period.Type type) {
        return runs.latestPeriod(type);
    }

    public Optional<ScoringRun> latestRun(Period period) {
        return runs.latestRun(period.code());
    }

    public Optional<ScoringRun> run(long id) {
        return runs.findRun(id);
    }

    /** The period's latest results, in region-tree order, for the units the caller may see. */
    public List<UnitRanking> ranking(Period period, Predicate<String> visible) {
        ScoringRun run = latestRun(period).orElseThrow(() -> new NoSuchElementException(period.label() + "尚未运行监测"));
        return ranking(run, visible);
    }

    public List<UnitRanking> ranking(ScoringRun run, Predicate<String> visible) {
        return rankings(List.of(run), visible).get(run.id());
    }

    /**
     * The rankings of several runs (each compared with the latest run of its previous period), keyed by run id:
     * two queries in all, whatever the number of runs and units.
     */
    public Map<Long, List<UnitRanking>> rankings(Collection<ScoringRun> runList, Predicate<String> visible) {
        Map<String, ScoringRun> previousRuns = latestOf(runs.runsOf(runList.stream()
                .map(r -> Period.parse(r.period()).previous().code()).distinct().toList()));
        Set<Long> ids = new HashSet<>();
        runList.forEach(r -> ids.add(r.id()));
        previousRuns.values().forEach(r -> ids.add(r.id()));
        Map<Long, Map<String, UnitResultRow>> byRun = new HashMap<>();
        for (UnitResultRow r : runs.results(ids)) byRun.computeIfAbsent(r.runId(), k -> new HashMap<>()).put(r.unitCode(), r);
        Map<Long, ScoringModel> modelCache = new HashMap<>();
        Map<Long, List<UnitRanking>> out = new LinkedHashMap<>();
        for (ScoringRun run : runList) {
            ScoringRun prev = previousRuns.get(Period.parse(run.period()).previous().code());
            Map<String, UnitResultRow> current = byRun.getOrDefault(run.id(), Map.of());
            Map<String, UnitResultRow> previous = prev == null ? Map.of() : byRun.getOrDefault(prev.id(), Map.of());
            ScoringModel model = modelCache.computeIfAbsent(run.modelVersionId(), id -> model(run));
            ScoringModel previousModel = prev == null ? null : modelCache.computeIfAbsent(prev.modelVersionId(), id -> model(prev));
            List<UnitRanking> list = new ArrayList<>();
            for (FiscalUnit u : regions.all()) {
                UnitResultRow r = current.get(u.code());
                if (r != null && visible.test(u.code())) list.add(line(u, r, model, previous.get(u.code()), previousModel));
            }
            out.put(run.id(), list);
        }
        return out;
    }

    /** The latest run of each period of one type in a year, in period order: one query. */
    public Map<Period, ScoringRun> latestRuns(int year, Period.Type type) {
        Map<Period, ScoringRun> out = new TreeMap<>();
        latestOf(runs.runsOfYear(year, type)).forEach((code, run) -> out.put(Period.parse(code), run));
        return out;
    }

    private UnitRanking line(FiscalUnit u, UnitResultRow r, ScoringModel model, UnitResultRow p, ScoringModel previousModel) {
        return new UnitRanking(u.code(), u.name(), u.kind().label(), u.isConsolidated(),
                regions.cityOf(u.code()).map(FiscalUnit::name).orElse(""), r.total(), r.grade(),
                model.gradeNameOrMissing(r.grade()),
                r.complete(), names(r.overrides(), code -> overrideName(model, code)),
                names(r.missing(), code -> model.inputs().getOrDefault(code, code)),
                p == null ? null : p.grade(), p == null ? null : previousModel.gradeName(p.grade()),
                p == null ? null : p.total());
    }

    /** Newest run per period from a newest-first list. */
    private static Map<String, ScoringRun> latestOf(List<ScoringRun> newestFirst) {
        Map<String, ScoringRun> out = new HashMap<>();
        for (ScoringRun r : newestFirst) out.putIfAbsent(r.period(), r);
        return out;
    }

    public ResultExplanation explanation(long runId, String unitCode) {
        String text = runs.explanation(runId, unitCode)
                .orElseThrow(() -> new NoSuchElementException("运行 #" + runId + " 中没有单位 " + unitCode + " 的结果"));
        return json.readValue(text, ResultExplanation.class);
    }

    /** The indicators whose points moved most between the previous period's latest run and this one. */
    public List<IndicatorMove> moves(ScoringRun run, String unitCode, int limit) {
        Optional<ScoringRun> prev = runs.latestRun(Period.parse(run.period()).previous().code());
        if (prev.isEmpty()) return List.of();
        ScoringModel model = model(run);
        Map<String, IndicatorResultRow> before = new HashMap<>();
        runs.indicators(prev.get().id(), unitCode).forEach(r -> before.put(r.indicatorCode(), r));
        List<IndicatorMove> out = new ArrayList<>();
        for (IndicatorResultRow r : runs.indicators(run.id(), unitCode)) {
            IndicatorResultRow b = before.get(r.indicatorCode());
            if (b == null) continue;
            String name = model.indicators().stream().filter(i -> i.code().equals(r.indicatorCode()))
                    .map(ScoringModel.Indicator::name).findFirst().orElse(r.indicatorCode());
            out.add(new IndicatorMove(r.indicatorCode(), name, b.points(), r.points(), b.indicatorValue(), r.indicatorValue()));
        }
        out.removeIf(m -> m.change().signum() == 0);
        out.sort(Comparator.comparing((IndicatorMove m) -> m.change().abs()).reversed());
        return out.subList(0, Math.min(limit, out.size()));
    }

    /**
     * One unit's total and grade in each period of the year that has a run (latest run per period), each
     * compared with the period before: three queries whatever the number of periods.
     */
    public List<UnitRanking> history(String unitCode, int year, Period.Type type) {
        return List.copyOf(historyByPeriod(unitCode, year, type).values());
    }

    /** {@link #history} keyed by period, in period order. */
    public Map<Period, UnitRanking> historyByPeriod(String unitCode, int year, Period.Type type) {
        FiscalUnit unit = regions.unit(unitCode).orElse(null);
        Map<Period, ScoringRun> latest = unit == null ? Map.of() : latestRuns(year, type);
        if (latest.isEmpty()) return Map.of();
        Map<String, ScoringRun> byCode = new HashMap<>();
        latest.forEach((p, r) -> byCode.put(p.code(), r));
        Period first = latest.keySet().iterator().next();
        latestOf(runs.runsOf(List.of(first.previous().code()))).forEach(byCode::putIfAbsent);
        Map<Long, UnitResultRow> rows = new HashMap<>();
        runs.unitResults(unitCode, byCode.values().stream().map(ScoringRun::id).toList()).forEach(r -> rows.put(r.runId(), r));
        Map<Long, ScoringModel> modelCache = new HashMap<>();
        Map<Period, UnitRanking> out = new LinkedHashMap<>();
        latest.forEach((period, run) -> {
            UnitResultRow r = rows.get(run.id());
            if (r == null) return;
            ScoringRun prev = byCode.get(period.previous().code());
            UnitResultRow p = prev == null ? null : rows.get(prev.id());
            out.put(period, line(unit, r, modelCache.computeIfAbsent(run.modelVersionId(), id -> model(run)), p,
                    p == null ? null : modelCache.computeIfAbsent(prev.modelVersionId(), id -> model(prev))));
        });
        return out;
    }

    /**
     * A consolidated unit's budget units in one run: how many have each grade and which have the model's worst
     * grade (高度风险) with their overrides and missing data, the why. Empty for a budget unit.
     */
    public record MemberRisks(int members, Map<String, Long> counts, String worstGradeName, List<UnitRanking> worst) {
    }

    public Optional<MemberRisks> memberRisks(ScoringRun run, String unitCode) {
        FiscalUnit unit = regions.require(unitCode);
        if (!unit.isConsolidated()) return Optional.empty();
        Set<String> members = new HashSet<>();
        regions.members(unitCode).forEach(u -> members.add(u.code()));
        List<UnitRanking> rows = ranking(run, members::contains);
        ScoringModel model = model(run);
        ScoringModel.Grade worst = model.grades().get(model.grades().size() - 1);
        // counts from best to worst grade, then 数据缺失
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Long> found = gradeCounts(rows);
        for (ScoringModel.Grade g : model.grades()) if (found.containsKey(g.name())) counts.put(g.name(), found.remove(g.name()));
        counts.putAll(found);
        return Optional.of(new MemberRisks(rows.size(), counts, worst.name(),
                rows.stream().filter(r -> worst.code().equals(r.grade())).toList()));
    }

    public Map<String, Long> gradeCounts(List<UnitRanking> rows) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (UnitRanking r : rows) counts.merge(r.gradeName(), 1L, Long::sum);
        return counts;
    }

    /** "ARREARS;CASH_FLOOR" → "存在工资或基本民生拖欠、库款低于 0.3 个月三保需求" for screens. */
    private static String names(String codes, java.util.function.UnaryOperator<String> name) {
        if (codes == null || codes.isBlank()) return null;
        return String.join("、", java.util.Arrays.stream(codes.split(";")).map(name).toList());
    }

    private static String overrideName(ScoringModel model, String code) {
        return model.overrides().stream().filter(o -> o.code().equals(code)).map(ScoringModel.Override::name)
                .findFirst().orElse(code);
    }

    ScoringModel model(ScoringRun run) {
        return models.engine(models.version(run.modelVersionId())).model();
    }
}
