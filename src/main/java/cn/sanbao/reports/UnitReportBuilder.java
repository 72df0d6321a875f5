package cn.sanbao.reports;

import cn.sanbao.monitoring.RunResultRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.facts.UnitFacts;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.table.Table.Kind;

/** One unit's monthly report, set against its city and the average of the region's budget units. */
@Component
class UnitReportBuilder {

    private final ReportSource source;
    private final WarningsSection warnings;

    UnitReportBuilder(ReportSource source, WarningsSection warnings) {
        this.source = source;
        this.warnings = warnings;
    }

    Report build(ReportSource.Loaded s, String unitCode, LocalDateTime now) {
        FiscalUnit unit = source.regions.require(unitCode);
        UnitRanking r = s.result(unitCode);
        if (r == null) throw new java.util.NoSuchElementException(s.period().label() + "没有" + unit.name() + "的监测结果");
        Optional<FiscalUnit> city = source.regions.cityOf(unitCode).filter(c -> !c.code().equals(unitCode));
        List<FiscalUnit> budget = source.regions.budgetUnits().stream().filter(u -> s.result(u.code()) != null).toList();
        List<Report.Section> sections = new ArrayList<>();

        List<String> overview = new ArrayList<>();
        overview.add(unit.name() + s.period().label() + "综合得分 " + show(r.total()) + " 分，监测等级为" + r.gradeName()
                + (r.previousGradeName() == null ? "" : "（上期" + r.previousGradeName() + "）") + "。");
        city.map(c -> s.result(c.code())).ifPresent(c -> overview.add("所在" + c.unitName() + "（全市汇总）得分 " + show(c.total())
                + " 分，等级为" + c.gradeName() + "。"));
        overview.add("全区 " + budget.size() + " 个预算单位平均得分 " + show(average(budget.stream().map(u -> s.result(u.code()).total()).toList()))
                + " 分" + (unit.isConsolidated() ? "。" : "；本单位列第 " + rank(budget, s, unitCode) + " 名。"));
        overview.add("定级依据：" + source.gradeCause(s.run(), unitCode) + "。");
        sections.add(new Report.Section("一、总体情况", overview, List.of(
                ReportCharts.scoreHistory("score", unit.name() + s.period().year() + "年各月总分", source.unitHistory(unitCode, s.period())),
                ReportCharts.pillars("pillars", unit.name() + "三保支出执行进度", s.facts().get(unitCode),
                        ReportBuilder.percent(s.period().timeProgress()))), List.of()));

        Table.Builder t = Table.builder("四梁八柱对比").text("指标").column("本单位指标值", Kind.DECIMAL).column("本单位得分", Kind.DECIMAL)
                .column("满分", Kind.DECIMAL).column(city.map(c -> c.name() + "得分").orElse("所在市得分"), Kind.DECIMAL)
                .column("全区平均得分", Kind.DECIMAL);
        Map<String, RunResultRepository.IndicatorRow> own = s.indicators().getOrDefault(unitCode, Map.of());
        for (ScoringModel.Indicator i : s.model().indicators()) {
            RunResultRepository.IndicatorRow row = own.get(i.code());
            t.row(i.name(), row == null || row.indicatorValue() == null ? null : row.indicatorValue().setScale(2, RoundingMode.HALF_UP),
                    row == null ? null : row.points(), i.weight(), city.map(c -> s.points(c.code(), i.code())).orElse(null),
                    average(budget.stream().map(u -> s.points(u.code(), i.code())).toList()));
        }
        sections.add(new Report.Section("二、四梁八柱得分", List.of(), List.of(), List.of(t.build())));

        Table.Builder e = Table.builder("三保支出执行").text("支出").column("预算安排（万元）", Kind.WAN).column("累计支出（万元）", Kind.WAN)
                .column("执行进度（%）", Kind.PERCENT).column(city.map(c -> c.name() + "执行进度（%）").orElse("所在市执行进度（%）"), Kind.PERCENT)
                .column("全区执行进度（%）", Kind.PERCENT);
        UnitFacts f = s.facts().get(unitCode);
        UnitFacts cf = city.map(c -> s.facts().get(c.code())).orElse(null);
        UnitFacts region = s.facts().get(source.regions.root().code());
        for (PillarExecution p : PillarExecution.ALL)
            e.row(p.name(), ReportTables.wan(p.budget(f)), ReportTables.wan(p.paid(f)), p.executionPercent(f).orElse(null),
                    p.executionPercent(cf).orElse(null), p.executionPercent(region).orElse(null));
        sections.add(new Report.Section("三、三保支出执行与库款", List.of(), List.of(),
                List.of(e.note("金额单位：万元").build(), ReportTables.execution("库款与拖欠", s, List.of(unit)))));
        sections.add(warnings.section("四、预警发布与整改", s.period().code(), s.period().label(),
                code -> source.regions.isWithin(code, unitCode)));
        sections.add(new Report.Section("附件：数据质量", List.of(), List.of(), List.of(
                ReportTables.dataQuality("数据质量问题", s, List.of(unit)))));
        return new Report(ReportKind.UNIT_MONTHLY, unit.name() + s.period().label() + "“三保”运行监测月报", s.period().code(),
                s.period().label(), unitCode, unit.name(), s.run().id(), s.run().asOfRevision(), s.factRevisions(), s.modelLabel(),
                now, sections);
    }

    private static int rank(List<FiscalUnit> budget, ReportSource.Loaded s, String unitCode) {
        BigDecimal own = s.result(unitCode).total();
        if (own == null) return budget.size();
        return 1 + (int) budget.stream().map(u -> s.result(u.code()).total()).filter(t -> t != null && t.compareTo(own) > 0).count();
    }

    static BigDecimal average(List<BigDecimal> values) {
        List<BigDecimal> present = values.stream().filter(v -> v != null).toList();
        if (present.isEmpty()) return null;
        return present.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(present.size()), 2, RoundingMode.HALF_UP);
    }

    private static String show(BigDecimal v) {
        return v == null ? "—" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
