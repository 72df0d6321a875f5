package cn.sanbao.monitoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * Data of the unit page charts: total and grade per month (latest run of each), and the four pillars' execution rates
 * (the first indicator group, 四梁) against time progress, all as percentages where rates.
 */
record UnitCharts(List<Point> history, List<Pillar> pillars, BigDecimal timeProgress, String pillarGroup) {

    record Point(String label, String period, BigDecimal total, String grade, String gradeName, String overrides) {
    }

    record Pillar(String name, BigDecimal percent) {
    }

    static UnitCharts of(ResultExplanation e, List<Point> history) {
        String group = e.groups().isEmpty() ? null : e.groups().get(0).code();
        String groupName = e.groups().isEmpty() ? "" : e.groups().get(0).name();
        List<Pillar> pillars = e.indicators().stream().filter(i -> i.groupCode().equals(group))
                .map(i -> new Pillar(i.name(), percent(i.executionShare(e.timeProgress())))).toList();
        return new UnitCharts(history, pillars, percent(e.timeProgress()), groupName);
    }

    private static BigDecimal percent(BigDecimal share) {
        return share == null ? null : share.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP);
    }
}
