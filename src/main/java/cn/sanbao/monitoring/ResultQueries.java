package cn.sanbao.monitoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import cn.sanbao.engine.Period;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import tools.jackson.databind.json.JsonMapper;

/** Read side of monitoring: results of a period, one unit's explanation and history, changes. */
@Service
public class ResultQueries {

    private final RunRepository runs;
    private final ModelRegistry models;
    private final RegionTree regions;
    private final JsonMapper json;

    public ResultQueries(RunRepository runs, ModelRegistry models, RegionTree regions, JsonMapper json) {
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
        ScoringModel model = model(run);
        Period period = Period.parse(run.period());
        Map<String, UnitResultRow> previous = new HashMap<>();
        ScoringModel previousModel = null;
        Optional<ScoringRun> prev = runs.latestRun(period.previous().code());
        if (prev.isPresent()) {
            runs.results(prev.get().id()).forEach(r -> previous.put(r.unitCode(), r));
            previousModel = model(prev.get());
        }
        Map<String, UnitResultRow> current = new HashMap<>();
        runs.results(run.id()).forEach(r -> current.put(r.unitCode(), r));
        List<UnitRanking> out = new ArrayList<>();
        for (FiscalUnit u : regions.all()) {
            UnitResultRow r = current.get(u.code());
            if (r == null || !visible.test(u.code())) continue;
            UnitResultRow p = previous.get(u.code());
            out.add(new UnitRanking(u.code(), u.name(), u.kind().label(), u.isConsolidated(),
                    regions.cityOf(u.code()).map(FiscalUnit::name).orElse(""), r.total(), r.grade(),
                    ExplanationBuilder.gradeName(model, r.grade()) == null ? "数据缺失" : ExplanationBuilder.gradeName(model, r.grade()),
                    r.complete(), names(r.overrides(), code -> overrideName(model, code)),
                    names(r.missing(), code -> model.inputs().getOrDefault(code, code)),
                    p == null ? null : p.grade(), p == null ? null : ExplanationBuilder.gradeName(previousModel, p.grade()),
                    p == null ? null : p.total()));
        }
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
        runs.indicators(prev.get().id()).stream().filter(r -> r.unitCode().equals(unitCode))
                .forEach(r -> before.put(r.indicatorCode(), r));
        List<IndicatorMove> out = new ArrayList<>();
        for (IndicatorResultRow r : runs.indicators(run.id())) {
            IndicatorResultRow b = before.get(r.indicatorCode());
            if (!r.unitCode().equals(unitCode) || b == null) continue;
            String name = model.indicators().stream().filter(i -> i.code().equals(r.indicatorCode()))
                    .map(ScoringModel.Indicator::name).findFirst().orElse(r.indicatorCode());
            out.add(new IndicatorMove(r.indicatorCode(), name, b.points(), r.points(), b.indicatorValue(), r.indicatorValue()));
        }
        out.removeIf(m -> m.change().signum() == 0);
        out.sort(Comparator.comparing((IndicatorMove m) -> m.change().abs()).reversed());
        return out.subList(0, Math.min(limit, out.size()));
    }

    /** One unit's total and grade in each period of the year that has a run (latest run per period). */
    public List<UnitRanking> history(String unitCode, int year, Period.Type type) {
        List<UnitRanking> out = new ArrayList<>();
        int n = type == Period.Type.MONTH ? 12 : Period.weeksIn(year);
        for (int i = 1; i <= n; i++) {
            Period p = type == Period.Type.MONTH ? Period.month(year, i) : Period.week(year, i);
            runs.latestRun(p.code()).ifPresent(run -> ranking(run, unitCode::equals).forEach(out::add));
        }
        return out;
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
