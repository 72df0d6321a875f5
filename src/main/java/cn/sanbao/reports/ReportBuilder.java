package cn.sanbao.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.UnitFacts;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.UnitKind;
import cn.sanbao.kernel.Money;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.table.Table.Kind;

/** Builds the province monthly report and the weekly report from stored results; the unit report is {@link UnitReportBuilder}. */
@Service
public class ReportBuilder {

    private final ReportSource source;
    private final WarningsSection warnings;
    private final CashWatchSection cash;
    private final UnitReportBuilder units;
    private final List<String> riskGrades;
    private final Clock clock;

    ReportBuilder(ReportSource source, WarningsSection warnings, CashWatchSection cash, UnitReportBuilder units,
                  @Value("${sanbao.reports.risk-grades:MEDIUM,HIGH}") List<String> riskGrades, ObjectProvider<Clock> clock) {
        this.source = source;
        this.warnings = warnings;
        this.cash = cash;
        this.units = units;
        this.riskGrades = riskGrades;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    public Report build(ReportKind kind, Period period, String unitCode) {
        return switch (kind) {
            case PROVINCE_MONTHLY -> province(requireType(period, Period.Type.MONTH));
            case WEEKLY -> weekly(requireType(period, Period.Type.WEEK));
            case UNIT_MONTHLY -> units.build(source.load(requireType(period, Period.Type.MONTH)), unitCode, now());
        };
    }

    /** Every listed unit's report from one load of the period (the scheduled job); units without a result are left out. */
    public List<Report> unitReports(Period period, List<String> unitCodes) {
        ReportSource.Loaded s = source.load(requireType(period, Period.Type.MONTH));
        List<Report> out = new ArrayList<>();
        for (String code : unitCodes) if (s.result(code) != null) out.add(units.build(s, code, now()));
        return out;
    }

    private static Period requireType(Period p, Period.Type type) {
        if (p.type() != type) throw new IllegalArgumentException((type == Period.Type.MONTH ? "月报" : "周报")
                + "的期间应为" + (type == Period.Type.MONTH ? "月份（如 2021-03）" : "周（如 2021-W05）") + "：" + p.code());
        return p;
    }

    Report province(Period period) {
        ReportSource.Loaded s = source.load(period);
        List<FiscalUnit> cities = source.regions.all().stream().filter(u -> u.kind() == UnitKind.CITY).toList();
        List<FiscalUnit> budget = source.regions.budgetUnits();
        Map<String, Long> counts = counts(s, budget, false);
        Map<String, Long> before = counts(s, budget, true);
        List<Report.Section> sections = new ArrayList<>();
        sections.add(new Report.Section("一、总体情况", overview(s, budget, counts), List.of(
                ReportCharts.gradeCounts("grades", period.label() + "等级分布", s.model(), counts),
                ReportCharts.gradeTrend("trend", period.year() + "年各月等级分布", s.model(), source.gradeTrend(period)),
                ReportCharts.pillars("pillars", "全区三保支出执行进度", s.facts().get(source.regions.root().code()),
                        percent(period.timeProgress()))),
                List.of(gradeTable(s, counts, before))));
        sections.add(new Report.Section("二、各市情况", List.of(), List.of(), List.of(
                ReportTables.points("各市四梁八柱得分", s, cities), ReportTables.execution("各市三保支出执行与库款", s, cities))));
        sections.add(new Report.Section("三、各县（市、区）情况", List.of(), List.of(), List.of(
                ReportTables.points("各县四梁八柱得分", s, budget), ReportTables.execution("各县三保支出执行与库款", s, budget))));
        sections.add(new Report.Section("四、排名", List.of(), List.of(), List.of(ReportTables.ranking("预算单位综合得分排名", s, budget))));
        Table risks = ReportTables.risks("中度及以上风险单位", s, budget, riskGrades);
        sections.add(new Report.Section("五、中度及以上风险单位", List.of(risks.rows().isEmpty()
                ? "本月没有中度及以上风险单位。" : "本月中度及以上风险单位 " + risks.rows().size() + " 个，主要原因如下。"),
                List.of(), risks.rows().isEmpty() ? List.of() : List.of(risks)));
        sections.add(warnings.section("六、预警发布与整改", period.code(), period.label(), code -> true));
        sections.add(new Report.Section("附件：数据质量", List.of(), List.of(), List.of(
                ReportTables.dataQuality("数据质量问题", s, source.regions.all()))));
        return new Report(ReportKind.PROVINCE_MONTHLY, period.label() + "全区“三保”运行监测月报", period.code(), period.label(),
                null, null, s.run().id(), s.run().asOfRevision(), s.factRevisions(), s.modelLabel(), now(), sections);
    }

    Report weekly(Period period) {
        ReportSource.Loaded s = source.load(period);
        List<FiscalUnit> budget = source.regions.budgetUnits();
        Map<String, Long> counts = counts(s, budget, false);
        List<Report.Section> sections = new ArrayList<>();
        sections.add(new Report.Section("一、库款与三保支出", overview(s, budget, counts), List.of(
                ReportCharts.pillars("pillars", "全区三保支出执行进度", s.facts().get(source.regions.root().code()),
                        percent(period.timeProgress()))), List.of()));
        sections.add(new Report.Section("二、各县（市、区）库款与支出执行", List.of(), List.of(),
                List.of(ReportTables.execution("各县库款与支出执行", s, budget))));
        sections.add(cash.section("三、库款日监测", period));
        return new Report(ReportKind.WEEKLY, period.label() + "全区“三保”运行监测周报", period.code(), period.label(),
                null, null, s.run().id(), s.run().asOfRevision(), s.factRevisions(), s.modelLabel(), now(), sections);
    }

    /** Grade counts of budget units now (or in the previous period, from each line's previous grade). */
    static Map<String, Long> counts(ReportSource.Loaded s, List<FiscalUnit> units, boolean previous) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (FiscalUnit u : units) {
            UnitRanking r = s.result(u.code());
            if (r == null || previous && r.previousGradeName() == null) continue;
            String g = previous ? r.previousGrade() : r.grade();
            out.merge(g == null ? "MISSING" : g, 1L, Long::sum);
        }
        return out;
    }

    private static Table gradeTable(ReportSource.Loaded s, Map<String, Long> now, Map<String, Long> before) {
        Table.Builder t = Table.builder("等级分布").text("等级").column("本期（个）", Kind.INTEGER)
                .column("上期（个）", Kind.INTEGER).column("增减（个）", Kind.INTEGER);
        for (String[] g : ReportCharts.grades(s.model())) {
            long a = now.getOrDefault(g[0], 0L), b = before.getOrDefault(g[0], 0L);
            t.row(g[1], a, b, a - b);
        }
        return t.build();
    }

    private List<String> overview(ReportSource.Loaded s, List<FiscalUnit> budget, Map<String, Long> counts) {
        List<String> out = new ArrayList<>();
        StringBuilder g = new StringBuilder(s.period().label() + "参加监测的预算单位 " + budget.stream()
                .filter(u -> s.result(u.code()) != null).count() + " 个，其中");
        List<String> parts = new ArrayList<>();
        for (String[] grade : ReportCharts.grades(s.model()))
            if (counts.getOrDefault(grade[0], 0L) > 0) parts.add(grade[1] + " " + counts.get(grade[0]) + " 个");
        g.append(String.join("、", parts)).append("。");
        long up = 0, down = 0;
        List<String> order = ReportCharts.grades(s.model()).stream().map(a -> a[0]).toList();
        for (FiscalUnit u : budget) {
            UnitRanking r = s.result(u.code());
            if (r == null || !r.gradeChanged()) continue;
            if (order.indexOf(r.grade()) > order.indexOf(r.previousGrade())) down++; else up++;
        }
        g.append("与上期相比，等级好转 ").append(up).append(" 个、变差 ").append(down).append(" 个。");
        out.add(g.toString());
        UnitFacts region = s.facts().get(source.regions.root().code());
        Optional<BigDecimal> budgetSum = PillarExecution.sum(PillarExecution.SANBAO, region, false);
        Optional<BigDecimal> paid = PillarExecution.sum(PillarExecution.SANBAO, region, true);
        if (budgetSum.isPresent() && paid.isPresent())
            out.add("全区三保预算安排 " + Money.wan(budgetSum.get()) + " 万元，累计支出 " + Money.wan(paid.get()) + " 万元，执行进度 "
                    + PillarExecution.percent(paid.get(), budgetSum.get()).map(BigDecimal::toPlainString).orElse("—") + "%（时序进度 "
                    + percent(s.period().timeProgress()).toPlainString() + "%）。");
        region.amount("cash_balance").ifPresent(c -> out.add("期末全区国库库款余额 " + Money.wan(c) + " 万元。"));
        return out;
    }

    static BigDecimal percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}
