package cn.sanbao.reports;

import cn.sanbao.monitoring.RunResultRepository;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.facts.UnitFacts;
import cn.sanbao.reports.chart.ChartSpec;
import cn.sanbao.reports.chart.ChartSpec.Series;
import cn.sanbao.reports.chart.GradeColours;

/** The report charts, each the counterpart of a screen chart (dashboard: counts and trend; unit page: score and pillars). */
final class ReportCharts {

    private ReportCharts() {
    }

    /** Grade codes of the model plus MISSING (数据缺失), in the model's order. */
    static List<String[]> grades(ScoringModel model) {
        List<String[]> out = new ArrayList<>();
        for (ScoringModel.Grade g : model.grades()) out.add(new String[] {g.code(), g.name()});
        out.add(new String[] {"MISSING", cn.sanbao.kernel.GradeLabels.MISSING});
        return out;
    }

    /** Dashboard "等级分布": one bar per grade in its colour. */
    static ChartSpec gradeCounts(String id, String title, ScoringModel model, Map<String, Long> counts) {
        List<String> names = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        for (String[] g : grades(model)) {
            names.add(g[1]);
            values.add(BigDecimal.valueOf(counts.getOrDefault(g[0], 0L)));
            colours.add(GradeColours.of("MISSING".equals(g[0]) ? null : g[0]));
        }
        return new ChartSpec(id, title, names, List.of(Series.bar("单位数", values, GradeColours.EXECUTION_BAR)
                .withPointColours(colours).labelled("")), "单位数", null, null, false);
    }

    /** Dashboard "全年走势": grade counts stacked per period. */
    static ChartSpec gradeTrend(String id, String title, ScoringModel model, Map<String, Map<String, Long>> trend) {
        List<Series> series = new ArrayList<>();
        for (String[] g : grades(model)) {
            List<BigDecimal> values = trend.values().stream().map(c -> BigDecimal.valueOf(c.getOrDefault(g[0], 0L))).toList();
            series.add(Series.bar(g[1], values, GradeColours.of("MISSING".equals(g[0]) ? null : g[0])));
        }
        return new ChartSpec(id, title, List.copyOf(trend.keySet()), series, "单位数", null, null, true);
    }

    /** Unit page "支出执行进度": execution of each pillar (paid ÷ budget) against time progress. */
    static ChartSpec pillars(String id, String title, UnitFacts facts, BigDecimal timeProgressPercent) {
        List<String> names = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        List<BigDecimal> progress = new ArrayList<>();
        for (PillarExecution p : PillarExecution.ALL) {
            names.add(p.name());
            values.add(p.executionPercent(facts).orElse(null));
            progress.add(timeProgressPercent);
        }
        return new ChartSpec(id, title, names, List.of(
                Series.bar("支出执行进度", values, GradeColours.EXECUTION_BAR).labelled("%"),
                Series.line("时序进度", progress, GradeColours.TIME_PROGRESS).asDashed()), "%", null, null, false);
    }

    /** Unit page "总分走势": total per month, points coloured by grade. */
    static ChartSpec scoreHistory(String id, String title, Map<String, RunResultRepository.GradeRow> history) {
        List<BigDecimal> values = history.values().stream().map(RunResultRepository.GradeRow::total).toList();
        List<String> colours = history.values().stream().map(g -> GradeColours.of(g.grade())).toList();
        return new ChartSpec(id, title, List.copyOf(history.keySet()), List.of(
                Series.line("总分", values, GradeColours.SCORE_LINE).withPointColours(colours)),
                "总分", BigDecimal.ZERO, BigDecimal.valueOf(100), false);
    }
}
