package cn.sanbao.reports;

import cn.sanbao.monitoring.RunResultRepository;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.facts.FactResolver;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.facts.UnitFacts;
import cn.sanbao.monitoring.ModelRegistry;
import cn.sanbao.monitoring.ModelVersion;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRun;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;

/**
 * Everything a report of one period reads, loaded once: the period's latest run and its model, every unit's
 * result line, indicator points, and the data as that run saw it (same revision cut-off).
 */
@Component
class ReportSource {

    /** One period's stored results and data. */
    record Loaded(Period period, ScoringRun run, ScoringModel model, String modelLabel, Map<String, UnitRanking> results,
                  Map<String, Map<String, RunResultRepository.IndicatorRow>> indicators, Map<String, UnitFacts> facts,
                  List<Long> factRevisions) {

        UnitRanking result(String unit) {
            return results.get(unit);
        }

        String gradeName(String grade) {
            return model.gradeNameOrMissing(grade);
        }

        BigDecimal points(String unit, String indicator) {
            RunResultRepository.IndicatorRow r = indicators.getOrDefault(unit, Map.of()).get(indicator);
            return r == null ? null : r.points();
        }
    }

    private final ResultRepository results;
    private final ModelRegistry models;
    private final FactResolver facts;
    private final RunResultRepository data;
    final RegionTree regions;

    ReportSource(ResultRepository results, ModelRegistry models, FactResolver facts, RunResultRepository data, RegionTree regions) {
        this.results = results;
        this.models = models;
        this.facts = facts;
        this.data = data;
        this.regions = regions;
    }

    Loaded load(Period period) {
        ScoringRun run = results.latestRun(period)
                .orElseThrow(() -> new NoSuchElementException(period.label() + "尚未运行监测，无法生成报告"));
        return read(period, run);
    }

    private Loaded read(Period period, ScoringRun run) {
        ModelVersion version = models.version(run.modelVersionId());
        ScoringModel model = models.engine(version).model();
        Map<String, UnitRanking> lines = ranking(run, model);
        Map<String, UnitFacts> unitFacts = facts.resolve(period, run.asOfRevision());
        TreeSet<Long> revisions = new TreeSet<>();
        for (UnitFacts f : unitFacts.values()) for (ResolvedFact v : f.items().values()) revisions.add(v.revisionId());
        revisions.remove(0L);
        String label = version.name() + " 第 " + version.version() + " 版";
        return new Loaded(period, run, model, label, lines, data.indicators(run.id()), unitFacts, new ArrayList<>(revisions));
    }

    /**
     * Every unit's result line with the previous period's grade, as {@code ResultRepository.ranking} shows it, read with
     * two set-based queries (ranking reads row by row by property name, slow for thousands of units).
     */
    private Map<String, UnitRanking> ranking(ScoringRun run, ScoringModel model) {
        Map<String, RunResultRepository.ResultRow> now = data.results(run.id());
        Optional<ScoringRun> prevRun = results.latestRun(Period.parse(run.period()).previous());
        Map<String, RunResultRepository.ResultRow> before = prevRun.map(p -> data.results(p.id())).orElse(Map.of());
        ScoringModel prevModel = prevRun.map(p -> models.engine(models.version(p.modelVersionId())).model()).orElse(model);
        Map<String, UnitRanking> out = new LinkedHashMap<>();
        for (FiscalUnit u : regions.all()) {
            RunResultRepository.ResultRow r = now.get(u.code());
            if (r == null) continue;
            RunResultRepository.ResultRow p = before.get(u.code());
            out.put(u.code(), new UnitRanking(u.code(), u.name(), u.kind().label(), u.isConsolidated(),
                    regions.cityOf(u.code()).map(FiscalUnit::name).orElse(""), r.total(), r.grade(), model.gradeNameOrMissing(r.grade()),
                    "COMPLETE".equals(r.status()), names(r.overrides(), c -> model.overrides().stream().filter(o -> o.code().equals(c))
                    .map(ScoringModel.Override::name).findFirst().orElse(c)), names(r.missing(), c -> model.inputs().getOrDefault(c, c)),
                    p == null ? null : p.grade(), p == null || p.grade() == null ? null : prevModel.gradeNameOrMissing(p.grade()), p == null ? null : p.total()));
        }
        return out;
    }

    private static String names(String codes, java.util.function.UnaryOperator<String> name) {
        if (codes == null || codes.isBlank()) return null;
        return String.join("、", java.util.Arrays.stream(codes.split(";")).map(name).toList());
    }

    /** Grade counts of budget units for each month (or week) of the year up to the period, from the latest runs. */
    Map<String, Map<String, Long>> gradeTrend(Period period) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (int i = 1; i <= period.number(); i++) {
            Period p = period.type() == Period.Type.MONTH ? Period.month(period.year(), i) : Period.week(period.year(), i);
            Long run = data.latestRunId(p.code()).orElse(null);
            if (run == null) continue;
            Map<String, Long> counts = new LinkedHashMap<>();
            for (RunResultRepository.GradeRow g : data.grades(run)) {
                if (regions.unit(g.unitCode()).map(u -> u.isConsolidated()).orElse(true)) continue;
                counts.merge(g.grade() == null ? "MISSING" : g.grade(), 1L, Long::sum);
            }
            out.put(period.type() == Period.Type.MONTH ? i + "月" : "第" + i + "周", counts);
        }
        return out;
    }

    /** One unit's total and grade per month of the year up to the period (latest run of each). */
    Map<String, RunResultRepository.GradeRow> unitHistory(String unit, Period period) {
        Map<String, RunResultRepository.GradeRow> out = new LinkedHashMap<>();
        for (int m = 1; m <= period.number(); m++) {
            Long run = data.latestRunId(Period.month(period.year(), m).code()).orElse(null);
            if (run == null) continue;
            String label = m + "月";
            data.grade(run, unit).ifPresent(g -> out.put(label, g));
        }
        return out;
    }

    /** The stored sentence saying what decided a unit's grade (see GradeCause), as the unit page shows it. */
    String gradeCause(ScoringRun run, String unitCode) {
        return results.explanation(run.id(), unitCode).decidedBy();
    }
}
