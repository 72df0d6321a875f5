package cn.sanbao.portrait;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import cn.sanbao.decision.runway.RunwayProjection;
import cn.sanbao.engine.Display;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.monitoring.IndicatorMove;
import cn.sanbao.monitoring.ResultExplanation;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.reports.Report;
import cn.sanbao.reports.ReportKind;
import cn.sanbao.reports.chart.ChartSpec;
import cn.sanbao.kernel.Money;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.table.Table.Kind;
import cn.sanbao.shared.web.ScreenText;

/**
 * The portrait as a {@link Report}: sections of sentences, charts and tables. The page shows it, the PDF is the
 * reports' writer over the same object, and every table is an Excel sheet, so the three cannot disagree.
 */
final class PortraitReport {

    static final String CASES = "七、未销号的预警事项";

    private PortraitReport() {
    }

    static Report of(PortraitData d, ScreenText text, LocalDateTime now) {
        String name = d.unit().name();
        List<Report.Section> sections = new ArrayList<>();
        sections.add(new Report.Section("一、概况", summary(d), List.of(), List.of()));
        sections.add(new Report.Section("二、等级历史", List.of(), List.of(PortraitCharts.grades(name + "各月总分与等级", d.history())),
                List.of(history(d))));
        sections.add(new Report.Section("三、各指标走势与分档", List.of("每个小图为一个指标各月的值，虚线为模型的分档界线；"
                + "本期值所在的分档见下表。"), indicatorCharts(d), List.of(indicators(d))));
        sections.add(pillars(d));
        sections.add(runway(d));
        sections.add(new Report.Section("六、排名", List.of(), List.of(), List.of(ranks(d))));
        sections.add(new Report.Section(CASES, List.of(d.openCases().isEmpty() ? "没有未销号的预警事项。"
                : "未销号的预警事项 " + d.openCases().size() + " 件。"), List.of(), List.of(cases(d, text))));
        sections.add(new Report.Section("八、与上期相比变化最大的指标", moves(d), List.of(), List.of(movesTable(d))));
        return new Report(ReportKind.UNIT_MONTHLY, name + "单位画像（" + d.period().label() + "）", d.period().code(),
                d.period().label(), d.unit().code(), name, d.run().id(), d.run().asOfRevision(), List.of(),
                d.latest().modelLabel(), now, sections);
    }

    private static List<String> summary(PortraitData d) {
        List<String> out = new ArrayList<>();
        UnitRanking r = d.current();
        out.add(d.unit().name() + "（" + d.unit().kind().label() + (d.cityName().isEmpty() ? "" : "，" + d.cityName()) + "）"
                + d.period().label() + "总分 " + points(r.total()) + " 分，监测等级为" + r.gradeName() + "。"
                + (r.previousGradeName() == null ? "" : r.gradeChanged() ? "上期为" + r.previousGradeName() + "，等级有变化。"
                : "与上期等级相同。"));
        out.add("定级依据：" + d.latest().decidedBy() + "。");
        for (PortraitData.Rank k : d.ranks())
            out.add("在" + k.peers() + "中排第 " + k.rank() + " 名（共 " + k.count() + " 个）。");
        d.runway().ifPresent(w -> out.add(runwaySentence(w)));
        out.add(d.openCases().isEmpty() ? "没有未销号的预警事项。" : "未销号的预警事项 " + d.openCases().size() + " 件。");
        return out;
    }

    private static Table history(PortraitData d) {
        Table.Builder t = Table.builder("各月总分与等级").text("期间").column("总分", Kind.DECIMAL).text("等级").text("一票否决").text("数据缺失");
        List<Map.Entry<Period, UnitRanking>> rows = new ArrayList<>(d.history().entrySet());
        java.util.Collections.reverse(rows);
        for (Map.Entry<Period, UnitRanking> e : rows) {
            UnitRanking r = e.getValue();
            t.row(e.getKey().label(), r.total(), r.gradeName(), r.overrides(), r.missing());
        }
        return t.note("最新在前").build();
    }

    private static List<ChartSpec> indicatorCharts(PortraitData d) {
        List<ChartSpec> out = new ArrayList<>();
        List<ScoringModel.Indicator> all = d.model().indicators();
        for (int n = 0; n < all.size(); n++) out.add(PortraitCharts.indicator(n, all.get(n), d.explanations()));
        return out;
    }

    private static Table indicators(PortraitData d) {
        Table.Builder t = Table.builder(d.period().label() + "各指标").text("指标").text("指标值").text("所在分档")
                .column("得分", Kind.DECIMAL).column("满分", Kind.DECIMAL).text("满分标准");
        for (ResultExplanation.Indicator i : d.latest().indicators())
            t.row(i.name(), i.valueText() != null ? i.valueText() : i.value() == null ? "—" : i.value().toPlainString(),
                    i.bandShown(), i.points(), i.weight(), i.standardText());
        return t.build();
    }

    /** The first indicator group (四梁) of the chosen month's year, month by month. */
    private static Report.Section pillars(PortraitData d) {
        String heading = "四、四梁支出执行与时序进度";
        if (d.latest().groups().isEmpty()) return new Report.Section(heading, List.of("模型没有指标组。"), List.of(), List.of());
        String group = d.latest().groups().get(0).code();
        List<ResultExplanation.Indicator> pillars = d.latest().indicators().stream().filter(i -> i.groupCode().equals(group)).toList();
        List<ResultExplanation> months = d.explanations().entrySet().stream()
                .filter(e -> e.getKey().year() == d.period().year() && e.getKey().compareTo(d.period()) <= 0)
                .map(Map.Entry::getValue).toList();
        Table.Builder t = Table.builder(d.period().year() + "年各月支出执行进度（%）").text("月份");
        pillars.forEach(p -> t.column(p.name(), Kind.PERCENT));
        t.column("时序进度", Kind.PERCENT);
        for (ResultExplanation e : months) {
            List<Object> row = new ArrayList<>();
            row.add(Period.parse(e.period()).label());
            pillars.forEach(p -> row.add(PortraitCharts.executionPercent(e, p.code())));
            row.add(PortraitCharts.percent(e.timeProgress()));
            t.row(row.toArray());
        }
        return new Report.Section(heading, List.of("执行进度 = 累计支出 ÷ 年度预算；低于时序进度即落后于序时。"),
                List.of(PortraitCharts.pillars(d.period().year() + "年四梁执行进度与时序进度", months, pillars)),
                List.of(t.note("执行进度为累计支出占年度预算的百分比").build()));
    }

    private static Report.Section runway(PortraitData d) {
        String heading = "五、库款保障与预测";
        if (d.runway().isEmpty())
            return new Report.Section(heading, List.of(!d.unit().isConsolidated() ? "缺少" + d.period().label()
                    + "的库款余额或全年三保支出需求，无法预测库款。" : "汇总单位没有自己的国库库款，库款预测见所属预算单位。"), List.of(), List.of());
        PortraitData.Runway w = d.runway().get();
        RunwayProjection p = w.projection();
        Table.Builder t = Table.builder("库款预测（万元）").text("月份").column("期初库款", Kind.WAN).column("流入", Kind.WAN)
                .column("已知调度", Kind.WAN).column("三保支出", Kind.WAN).column("债务还本付息", Kind.WAN).column("其他支出", Kind.WAN)
                .column("期末库款", Kind.WAN).column("库款保障水平（月）", Kind.DECIMAL).text("判断");
        for (RunwayProjection.Month m : p.months())
            t.row(m.month().toString(), Money.toWan(m.opening()), Money.toWan(m.inflow()), Money.toWan(m.extra()),
                    Money.toWan(m.sanbaoOutflow()), Money.toWan(m.debtOutflow()), Money.toWan(m.otherOutflow()),
                    Money.toWan(m.closing()), scaled(m.level()), w.band().label(m.level()));
        return new Report.Section(heading, List.of(runwaySentence(w), "安全区间为月均支出的 " + w.band().low().toPlainString()
                + "–" + w.band().high().toPlainString() + " 个月；预测方法：" + p.method() + "。"),
                List.of(PortraitCharts.runway(d.unit().name() + "月末库款与预测", w)), List.of(t.note("金额单位：万元").build()));
    }

    static String runwaySentence(PortraitData.Runway w) {
        RunwayProjection p = w.projection();
        String level = "库款保障水平 " + (p.baseLevel() == null ? "无法计算" : scaled(p.baseLevel()).toPlainString() + " 个月")
                + "（" + w.band().label(p.baseLevel()) + "），月末库款 " + Money.wan(p.baseBalance()) + " 万元";
        return level + (p.crossing() == null ? "；预测期内不低于安全区间下限。"
                : "；预计 " + p.crossing() + " 低于安全区间下限（" + p.monthsToCrossing() + " 个月后）。");
    }

    private static Table ranks(PortraitData d) {
        Table.Builder t = Table.builder(d.period().label() + "排名").text("范围").text("参与排名").column("名次", Kind.INTEGER)
                .column("单位数", Kind.INTEGER);
        d.ranks().forEach(k -> t.row(k.scope(), k.peers(), k.rank(), k.count()));
        return t.note("按总分从高到低；数据缺失未得总分的单位不参与").build();
    }

    private static Table cases(PortraitData d, ScreenText text) {
        Table.Builder t = Table.builder("未销号的预警事项").column("编号", Kind.INTEGER).text("单位").text("预警等级").text("状态")
                .text("督办层级").text("首次预警").text("最近预警").text("整改期限").text("是否逾期");
        for (var r : d.openCases()) {
            var c = r.c();
            t.row(c.id(), r.unitName(), r.gradeName(), c.statusLabel(), c.escalationLabel(),
                    Period.parse(c.openedPeriod()).label(), Period.parse(c.lastPeriod()).label(),
                    c.rectifyDeadline() == null ? "" : c.rectifyDeadline().toString(), r.overdue() ? "已逾期" : "未逾期");
        }
        return t.build();
    }

    private static List<String> moves(PortraitData d) {
        List<String> out = new ArrayList<>();
        UnitRanking r = d.current();
        if (r.previousTotal() != null)
            out.add("总分由上期 " + points(r.previousTotal()) + " 分变为 " + points(r.total()) + " 分" + change(r.totalChange()) + "，等级"
                    + (r.gradeChanged() ? "由" + r.previousGradeName() + "变为" + r.gradeName() : "仍为" + r.gradeName()) + "。");
        for (IndicatorMove m : d.moves()) {
            String format = format(d.model(), m.code());
            out.add(m.name() + "：由 " + Display.value(m.previousValue(), format) + (m.value() == null || m.previousValue() == null
                    || m.value().compareTo(m.previousValue()) >= 0 ? " 升至 " : " 降至 ") + Display.value(m.value(), format)
                    + "，得分由 " + points(m.previousPoints()) + " 分变为 " + points(m.points()) + " 分" + change(m.change()) + "。");
        }
        if (out.isEmpty()) out.add("没有上期结果，或与上期相比各指标得分没有变化。");
        return out;
    }

    private static Table movesTable(PortraitData d) {
        Table.Builder t = Table.builder("与上期相比得分变化最大的指标").text("指标").text("上期值").text("本期值")
                .column("上期得分", Kind.DECIMAL).column("本期得分", Kind.DECIMAL).column("变化", Kind.DECIMAL);
        for (IndicatorMove m : d.moves()) {
            String format = format(d.model(), m.code());
            t.row(m.name(), Display.value(m.previousValue(), format), Display.value(m.value(), format), m.previousPoints(),
                    m.points(), m.change());
        }
        return t.build();
    }

    private static String format(ScoringModel model, String indicator) {
        return model.indicators().stream().filter(i -> i.code().equals(indicator)).map(ScoringModel.Indicator::format)
                .findFirst().orElse(null);
    }

    /** "（减少 3.00 分）" */
    private static String change(BigDecimal delta) {
        if (delta == null) return "";
        BigDecimal to = delta.setScale(2, RoundingMode.HALF_UP);
        if (to.signum() == 0) return "（没有变化）";
        return "（" + (to.signum() > 0 ? "增加 " : "减少 ") + to.abs().toPlainString() + " 分）";
    }

    private static String points(BigDecimal v) {
        return v == null ? "—" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static BigDecimal scaled(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
    }
}
