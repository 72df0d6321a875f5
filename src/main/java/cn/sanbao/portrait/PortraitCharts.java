package cn.sanbao.portrait;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.Scoring;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.monitoring.ResultExplanation;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.reports.chart.ChartSpec;
import cn.sanbao.reports.chart.ChartSpec.Series;
import cn.sanbao.reports.chart.GradeColours;
import cn.sanbao.kernel.Money;

/**
 * The portrait's charts, each described once as a {@link ChartSpec}: the page draws it with ECharts, the PDF with the
 * reports' JFreeChart writer, so screen and paper show the same picture.
 */
final class PortraitCharts {

    static final String BAND_LINE = "#c9a100";
    static final String[] PILLAR_COLOURS = {"#1d4f91", "#3f7cc4", "#6fa3dc", "#9cc3ea"};

    private PortraitCharts() {
    }

    /** "2021-03" for a month, so months of several years read in order. */
    static List<String> labels(Iterable<Period> periods) {
        List<String> out = new ArrayList<>();
        periods.forEach(p -> out.add(p.code()));
        return out;
    }

    /** Total per stored month, each point in its grade's colour. */
    static ChartSpec grades(String title, Map<Period, UnitRanking> history) {
        List<BigDecimal> totals = history.values().stream().map(UnitRanking::total).toList();
        List<String> colours = history.values().stream().map(r -> GradeColours.of(r.grade())).toList();
        return new ChartSpec("grades", title, labels(history.keySet()), List.of(
                Series.line("总分", totals, GradeColours.SCORE_LINE).withPointColours(colours)),
                "总分", BigDecimal.ZERO, BigDecimal.valueOf(100), false);
    }

    /** One small chart per indicator: its value each month, with its band edges as dashed lines. */
    static ChartSpec indicator(int index, ScoringModel.Indicator i, Map<Period, ResultExplanation> explanations) {
        List<BigDecimal> values = new ArrayList<>();
        for (ResultExplanation e : explanations.values())
            values.add(e.indicators().stream().filter(x -> x.code().equals(i.code())).findFirst()
                    .map(x -> shown(x.value(), i.format())).orElse(null));
        List<Series> series = new ArrayList<>();
        series.add(Series.line("指标值", values, GradeColours.SCORE_LINE));
        for (BigDecimal edge : edges(i.scoring())) {
            BigDecimal y = shown(edge, i.format());
            series.add(Series.line("分档线 " + y.stripTrailingZeros().toPlainString() + unit(i.format()),
                    values.stream().map(v -> y).toList(), BAND_LINE).asDashed());
        }
        return new ChartSpec("indicator-" + index, i.name(), labels(explanations.keySet()), series, unit(i.format()),
                null, null, false);
    }

    /** Each pillar's execution (paid ÷ budget) per month of the year, against time progress. */
    static ChartSpec pillars(String title, List<ResultExplanation> months, List<ResultExplanation.Indicator> pillars) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> progress = new ArrayList<>();
        List<Series> series = new ArrayList<>();
        for (ResultExplanation e : months) {
            labels.add(Period.parse(e.period()).number() + "月");
            progress.add(percent(e.timeProgress()));
        }
        for (int n = 0; n < pillars.size(); n++) {
            String code = pillars.get(n).code();
            series.add(Series.bar(pillars.get(n).name(), months.stream().map(e -> executionPercent(e, code)).toList(),
                    PILLAR_COLOURS[n % PILLAR_COLOURS.length]));
        }
        series.add(Series.line("时序进度", progress, GradeColours.TIME_PROGRESS).asDashed());
        return new ChartSpec("pillars", title, labels, series, "%", null, null, false);
    }

    /** Month-end cash (actual, then projected) in 万元, with the safe band's lower and upper lines. */
    static ChartSpec runway(String title, PortraitData.Runway r) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> actual = new ArrayList<>();
        List<BigDecimal> projected = new ArrayList<>();
        r.actual().forEach(m -> {
            labels.add(m.month().toString());
            actual.add(Money.toWan(m.balance()));
            // the projection starts at the last actual month so the two lines join
            projected.add(m.month().equals(r.projection().base()) ? Money.toWan(m.balance()) : null);
        });
        r.projection().months().forEach(m -> {
            labels.add(m.month().toString());
            actual.add(null);
            projected.add(Money.toWan(m.closing()));
        });
        BigDecimal low = Money.toWan(r.projection().averageOutflow().multiply(r.band().low()));
        BigDecimal high = Money.toWan(r.projection().averageOutflow().multiply(r.band().high()));
        return new ChartSpec("runway", title, labels, List.of(
                Series.line("实际库款", actual, GradeColours.SCORE_LINE),
                Series.line("预测库款", projected, "#3f7cc4").asDashed(),
                Series.line("安全区间下限", labels.stream().map(l -> low).toList(), GradeColours.TIME_PROGRESS).asDashed(),
                Series.line("安全区间上限", labels.stream().map(l -> high).toList(), "#2e7d32").asDashed()),
                "万元", null, null, false);
    }

    static BigDecimal executionPercent(ResultExplanation e, String indicatorCode) {
        return e.indicators().stream().filter(i -> i.code().equals(indicatorCode)).findFirst()
                .map(i -> percent(i.executionShare(e.timeProgress()))).orElse(null);
    }

    /** The finite edges of the bands (or the points of a linear scale), ascending. */
    static List<BigDecimal> edges(Scoring scoring) {
        TreeSet<BigDecimal> out = new TreeSet<>();
        if (scoring instanceof Scoring.Bands b)
            for (Scoring.Band band : b.bands()) {
                if (band.interval().lower() != null) out.add(band.interval().lower());
                if (band.interval().upper() != null) out.add(band.interval().upper());
            }
        if (scoring instanceof Scoring.Linear l) l.points().forEach(p -> out.add(p.x()));
        return List.copyOf(out);
    }

    /** A value as the chart shows it: percent × 100, otherwise two decimals. */
    static BigDecimal shown(BigDecimal v, String format) {
        if (v == null) return null;
        return "percent".equals(format) ? percent(v) : v.setScale(2, RoundingMode.HALF_UP);
    }

    static String unit(String format) {
        return "percent".equals(format) ? "%" : "multiple".equals(format) ? "倍" : "";
    }

    static BigDecimal percent(BigDecimal share) {
        return share == null ? null : share.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }
}
