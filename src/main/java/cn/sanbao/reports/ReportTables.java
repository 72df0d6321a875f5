package cn.sanbao.reports;

import cn.sanbao.monitoring.RunResultRepository;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.facts.UnitFacts;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.kernel.Money;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.table.Table.Kind;

/** Tables shared by the reports; every number is the stored result or the stored figure (amounts in 万元). */
final class ReportTables {

    private ReportTables() {
    }

    /** 四梁八柱: total, grade and every indicator's points, one row per unit. */
    static Table points(String title, ReportSource.Loaded s, List<FiscalUnit> units) {
        Table.Builder t = Table.builder(title).text("单位代码").text("单位").column("总分", Kind.DECIMAL).text("等级");
        List<ScoringModel.Indicator> indicators = s.model().indicators();
        for (ScoringModel.Indicator i : indicators) t.column(i.name() + "（" + i.weight().stripTrailingZeros().toPlainString() + "分）", Kind.DECIMAL);
        for (FiscalUnit u : units) {
            UnitRanking r = s.result(u.code());
            if (r == null) continue;
            List<Object> row = new ArrayList<>(List.of(u.code(), u.name()));
            row.add(r.total());
            row.add(r.gradeName());
            for (ScoringModel.Indicator i : indicators) row.add(s.points(u.code(), i.code()));
            t.row(row.toArray());
        }
        return t.note("分").build();
    }

    /** 三保支出执行与库款: budget, paid, execution, cash and arrears from the data the run read. */
    static Table execution(String title, ReportSource.Loaded s, List<FiscalUnit> units) {
        Table.Builder t = Table.builder(title).text("单位代码").text("单位")
                .column("三保预算安排（万元）", Kind.WAN).column("三保累计支出（万元）", Kind.WAN).column("执行进度（%）", Kind.PERCENT)
                .column("时序进度（%）", Kind.PERCENT).column("库款余额（万元）", Kind.WAN)
                .column("工资拖欠（万元）", Kind.WAN).column("基本民生拖欠（万元）", Kind.WAN);
        BigDecimal progress = s.period().timeProgress().movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP);
        for (FiscalUnit u : units) {
            UnitFacts f = s.facts().get(u.code());
            if (f == null || s.result(u.code()) == null) continue;
            Optional<BigDecimal> budget = PillarExecution.sum(PillarExecution.SANBAO, f, false);
            Optional<BigDecimal> paid = PillarExecution.sum(PillarExecution.SANBAO, f, true);
            t.row(u.code(), u.name(), wan(budget), wan(paid),
                    PillarExecution.percent(paid.orElse(null), budget.orElse(null)).orElse(null), progress,
                    wan(f.amount("cash_balance")), wan(f.amount("wage_arrears")), wan(f.amount("livelihood_arrears")));
        }
        return t.note("金额单位：万元").build();
    }

    /** Ranking of budget units by total, highest first; units without a total last. */
    static Table ranking(String title, ReportSource.Loaded s, List<FiscalUnit> units) {
        Table.Builder t = Table.builder(title).column("名次", Kind.INTEGER).text("单位").text("所属市")
                .column("总分", Kind.DECIMAL).text("等级").text("上期等级").column("较上期", Kind.DECIMAL);
        List<UnitRanking> rows = units.stream().map(u -> s.result(u.code())).filter(r -> r != null)
                .sorted(Comparator.comparing(UnitRanking::total, Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                .toList();
        int n = 0;
        for (UnitRanking r : rows)
            t.row(++n, r.unitName(), r.cityName(), r.total(), r.gradeName(),
                    r.previousGradeName() == null ? "" : r.previousGradeName(), r.totalChange());
        return t.build();
    }

    /** Units at the risk grades, with what cost them points. */
    static Table risks(String title, ReportSource.Loaded s, List<FiscalUnit> units, List<String> riskGrades) {
        Table.Builder t = Table.builder(title).text("单位").text("所属市").column("总分", Kind.DECIMAL).text("等级").text("主要原因");
        for (FiscalUnit u : units) {
            UnitRanking r = s.result(u.code());
            if (r == null || r.grade() == null || !riskGrades.contains(r.grade())) continue;
            t.row(r.unitName(), r.cityName(), r.total(), r.gradeName(), causes(s, r));
        }
        return t.build();
    }

    /** Overrides first, then the three indicators that lost the most points. */
    static String causes(ReportSource.Loaded s, UnitRanking r) {
        List<String> out = new ArrayList<>();
        if (r.overrides() != null) out.add("一票否决：" + r.overrides());
        Map<String, RunResultRepository.IndicatorRow> rows = s.indicators().getOrDefault(r.unitCode(), Map.of());
        s.model().indicators().stream().map(i -> Map.entry(i, rows.get(i.code())))
                .filter(e -> e.getValue() != null && e.getValue().points().compareTo(e.getValue().maxPoints()) < 0)
                .sorted(Comparator.comparing(e -> e.getValue().points().subtract(e.getValue().maxPoints())))
                .limit(3)
                .forEach(e -> out.add(e.getKey().name() + "得 " + plain(e.getValue().points()) + "/" + plain(e.getValue().maxPoints()) + " 分"));
        if (r.missing() != null) out.add("数据缺失：" + r.missing());
        return String.join("；", out);
    }

    /** Annex: units whose result lacks data, and the notes on figures that could not be summed. */
    static Table dataQuality(String title, ReportSource.Loaded s, List<FiscalUnit> units) {
        Table.Builder t = Table.builder(title).text("单位代码").text("单位").text("缺失的数据项").text("说明");
        for (FiscalUnit u : units) {
            UnitRanking r = s.result(u.code());
            UnitFacts f = s.facts().get(u.code());
            List<String> notes = f == null ? List.of() : f.notes();
            boolean missing = r != null && r.missing() != null;
            if (!missing && notes.isEmpty()) continue;
            t.row(u.code(), u.name(), missing ? r.missing() : "", String.join("；", notes));
        }
        return t.note("缺报的数据在评分中不得分，也不按“好”计").build();
    }

    static BigDecimal wan(Optional<BigDecimal> yuan) {
        return yuan.map(Money::toWan).orElse(null);
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
