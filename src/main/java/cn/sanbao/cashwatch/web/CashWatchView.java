package cn.sanbao.cashwatch.web;

import cn.sanbao.cashwatch.CashLevelBand;
import cn.sanbao.cashwatch.DayLevel;
import cn.sanbao.kernel.CashBand;
import cn.sanbao.kernel.Money;
import cn.sanbao.region.RegionTree;
import cn.sanbao.shared.table.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the 库款日监测 screen and its Excel show: table rows in 万元 with Chinese labels, and the chart data. */
final class CashWatchView {

    /** One row of the table: a unit on a day (the day's list) or a day of one unit (its series). */
    record Row(String unitCode, String unitName, LocalDate day, BigDecimal balanceWan, BigDecimal needWan, BigDecimal level,
               CashLevelBand band, int daysBelowFloor) {
        public String bandLabel() { return band.label(); }
        public boolean low() { return band == CashLevelBand.LOW; }
    }

    /** Worst first: lowest level, then the longer run below the floor; units without a level last. */
    static final Comparator<DayLevel> WORST_FIRST = Comparator
            .comparing(DayLevel::level, Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder()))
            .thenComparing(Comparator.comparingInt(DayLevel::daysBelowFloor).reversed());

    private CashWatchView() {
    }

    static Row row(DayLevel d, RegionTree regions) {
        return new Row(d.unitCode(), regions.unit(d.unitCode()).map(u -> u.name()).orElse(d.unitCode()), d.day(),
                Money.toWan(d.balance()), Money.toWanOrNull(d.monthlyNeed()), d.level(), d.band(), d.daysBelowFloor());
    }

    static Table table(String title, List<Row> rows, boolean series) {
        Table.Builder t = Table.builder(title);
        if (series) t.text("日期");
        t.text("单位编码").text("单位").column("日终余额（万元）", Table.Kind.WAN).column("月均三保需求（万元）", Table.Kind.WAN)
                .column("库款保障水平（月）", Table.Kind.DECIMAL).text("档位").column("连续低于下限天数", Table.Kind.INTEGER);
        for (Row r : rows) {
            List<Object> cells = new ArrayList<>();
            if (series) cells.add(r.day().toString());
            cells.addAll(java.util.Arrays.asList(r.unitCode(), r.unitName(), r.balanceWan(), r.needWan(), r.level(), r.bandLabel(),
                    r.daysBelowFloor()));
            t.row(cells.toArray());
        }
        return t.note("金额单位：万元").build();
    }

    /** Region chart: per day, how many units are in each band (stacked). */
    static Map<String, Object> bandCounts(LocalDate from, LocalDate to, Map<String, List<DayLevel>> levels) {
        Map<LocalDate, Map<CashLevelBand, Integer>> byDay = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) byDay.put(d, new EnumMap<>(CashLevelBand.class));
        for (List<DayLevel> unit : levels.values()) {
            for (DayLevel l : unit) byDay.get(l.day()).merge(l.band(), 1, Integer::sum);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "region");
        chart.put("days", byDay.keySet().stream().map(LocalDate::toString).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (CashLevelBand b : CashLevelBand.values()) {
            series.add(Map.of("band", b.name(), "name", b.label(),
                    "data", byDay.values().stream().map(m -> m.getOrDefault(b, 0)).toList()));
        }
        chart.put("series", series);
        return chart;
    }

    /** Unit chart: the level per day (null where there is no balance) with the floor and upper bound. */
    static Map<String, Object> unitLine(LocalDate from, LocalDate to, List<DayLevel> series, CashBand band, String unitName) {
        Map<LocalDate, BigDecimal> level = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) level.put(d, null);
        for (DayLevel l : series) level.put(l.day(), l.level());
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "unit");
        chart.put("name", unitName);
        chart.put("days", level.keySet().stream().map(LocalDate::toString).toList());
        chart.put("levels", new ArrayList<>(level.values()));
        chart.put("low", band.low());
        chart.put("high", band.high());
        return chart;
    }
}
