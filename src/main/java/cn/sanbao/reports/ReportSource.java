package cn.sanbao.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import cn.sanbao.engine.Period;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.facts.FactResolver;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.facts.UnitFacts;
import cn.sanbao.monitoring.ModelRegistry;
import cn.sanbao.monitoring.ModelVersion;
import cn.sanbao.monitoring.ResultQueries;
import cn.sanbao.monitoring.ScoringRun;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.region.RegionTree;

/**
 * Everything a report of one period reads, loaded once: the period's latest run and its model, every unit's
 * result line, indicator points, and the data as that run saw it (same revision cut-off).
 */
@Component
class ReportSource {

    /** One period's stored results and data. */
    record Loaded(Period period, ScoringRun run, ScoringModel model, String modelLabel, Map<String, UnitRanking> results,
                  Map<String, Map<String, ReportData.IndicatorRow>> indicators, Map<String, UnitFacts> facts,
                  List<Long> factRevisions) {

        UnitRanking result(String unit) {
            return results.get(unit);
        }

        String gradeName(String grade) {
            if (grade == null) return "数据缺失";
            return model.grades().stream().filter(g -> g.code().equals(grade)).map(ScoringModel.Grade::name)
                    .findFirst().orElse(grade);
        }

        BigDecimal points(String unit, String indicator) {
            ReportData.IndicatorRow r = indicators.getOrDefault(unit, Map.of()).get(indicator);
            return r == null ? null : r.points();
        }
    }

    private final ResultQueries results;
    private final ModelRegistry models;
    private final FactResolver facts;
    private final ReportData data;
    final RegionTree regions;

    ReportSource(ResultQueries results, ModelRegistry models, FactResolver facts, ReportData data, RegionTree regions) {
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
        Map<String, UnitRanking> lines = new LinkedHashMap<>();
        for (UnitRanking r : results.ranking(run, code -> true)) lines.put(r.unitCode(), r);
        Map<String, UnitFacts> unitFacts = facts.resolve(period, run.asOfRevision());
        TreeSet<Long> revisions = new TreeSet<>();
        for (UnitFacts f : unitFacts.values()) for (ResolvedFact v : f.items().values()) revisions.add(v.revisionId());
        revisions.remove(0L);
        String label = version.name() + " 第 " + version.version() + " 版";
        return new Loaded(period, run, model, label, lines, data.indicators(run.id()), unitFacts, new ArrayList<>(revisions));
    }

    /** Grade counts of budget units for each month (or week) of the year up to the period, from the latest runs. */
    Map<String, Map<String, Long>> gradeTrend(Period period) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (int i = 1; i <= period.number(); i++) {
            Period p = period.type() == Period.Type.MONTH ? Period.month(period.year(), i) : Period.week(period.year(), i);
            Long run = data.latestRunId(p.code()).orElse(null);
            if (run == null) continue;
            Map<String, Long> counts = new LinkedHashMap<>();
            for (ReportData.GradeRow g : data.grades(run)) {
                if (regions.unit(g.unitCode()).map(u -> u.isConsolidated()).orElse(true)) continue;
                counts.merge(g.grade() == null ? "MISSING" : g.grade(), 1L, Long::sum);
            }
            out.put(period.type() == Period.Type.MONTH ? i + "月" : "第" + i + "周", counts);
        }
        return out;
    }

    /** One unit's total and grade per month of the year up to the period (latest run of each). */
    Map<String, ReportData.GradeRow> unitHistory(String unit, Period period) {
        Map<String, ReportData.GradeRow> out = new LinkedHashMap<>();
        for (int m = 1; m <= period.number(); m++) {
            Long run = data.latestRunId(Period.month(period.year(), m).code()).orElse(null);
            if (run == null) continue;
            String label = m + "月";
            data.grade(run, unit).ifPresent(g -> out.put(label, g));
        }
        return out;
    }
}
