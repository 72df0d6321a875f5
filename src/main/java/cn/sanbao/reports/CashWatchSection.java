package cn.sanbao.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import cn.sanbao.cashwatch.CashLevelBand;
import cn.sanbao.cashwatch.DailyCashWatch;
import cn.sanbao.cashwatch.DayLevel;
import cn.sanbao.kernel.Period;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.table.Table.Kind;

/**
 * "库款日监测" of the weekly report, from the daily series of the report's week: per day how many units were below the
 * floor, and the units below it during the week with their lowest level and longest streak.
 */
@Component
class CashWatchSection {

    private final DailyCashWatch watch;
    private final RegionTree regions;

    CashWatchSection(DailyCashWatch watch, RegionTree regions) {
        this.watch = watch;
        this.regions = regions;
    }

    /** A unit's worst day of the week and its longest run of days below the floor (counted into the week). */
    private record Worst(DayLevel lowest, int longest) {
    }

    Report.Section section(String heading, Period week) {
        BigDecimal floor = watch.band().low();
        Table.Builder days = Table.builder("每日低于下限单位数").text("日期").column("有余额数据的单位（个）", Kind.INTEGER)
                .column("低于下限的单位（个）", Kind.INTEGER);
        Map<String, Worst> below = new LinkedHashMap<>();
        Map<LocalDate, int[]> perDay = new TreeMap<>(); // day -> {units with a balance, units below the floor}
        for (List<DayLevel> unitDays : watch.levels(week.startDate(), week.endDate(), code -> true).values())
            for (DayLevel l : unitDays) {
                int[] n = perDay.computeIfAbsent(l.day(), d -> new int[2]);
                n[0]++;
                if (l.band() != CashLevelBand.LOW) continue;
                n[1]++;
                below.merge(l.unitCode(), new Worst(l, l.daysBelowFloor()), (a, b) -> new Worst(
                        b.lowest().level().compareTo(a.lowest().level()) < 0 ? b.lowest() : a.lowest(), Math.max(a.longest(), b.longest())));
            }
        perDay.forEach((d, n) -> days.row(d.toString(), n[0], n[1]));
        int daysWithData = perDay.size();
        String range = week.startDate() + " 至 " + week.endDate();
        if (daysWithData == 0)
            return new Report.Section(heading, List.of("本周（" + range + "）没有库款日终余额数据。"), List.of(), List.of());
        Table.Builder units = Table.builder("本周库款保障水平低于下限的单位").text("单位").text("所属市")
                .column("最低库款保障水平（个月）", Kind.DECIMAL).text("最低日期").column("最长连续低于下限（天）", Kind.INTEGER);
        for (FiscalUnit u : regions.budgetUnits()) {
            Worst w = below.get(u.code());
            if (w == null) continue;
            units.row(u.name(), regions.cityOf(u.code()).map(FiscalUnit::name).orElse(""), w.lowest().level(),
                    w.lowest().day().toString(), w.longest());
        }
        String text = "本周（" + range + "）有库款日终余额数据 " + daysWithData + " 天；库款保障水平低于下限（" + floor.toPlainString()
                + " 个月）的单位" + (below.isEmpty() ? "没有。" : " " + below.size() + " 个，见下表。");
        List<Table> tables = new ArrayList<>(List.of(days.build()));
        if (!below.isEmpty()) tables.add(units.build());
        return new Report.Section(heading, List.of(text), List.of(), tables);
    }
}
