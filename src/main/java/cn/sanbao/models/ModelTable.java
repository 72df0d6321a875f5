package cn.sanbao.models;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import cn.sanbao.engine.PlainBand;
import cn.sanbao.engine.PlainFormula;
import cn.sanbao.engine.Scoring;
import cn.sanbao.engine.Vocabulary;
import cn.sanbao.engine.ScoringModel;

/** A model as plain rows for the readable table: indicators with formula, weight and bands; grades; overrides. */
record ModelTable(String code, String name, List<IndicatorRow> indicators, List<String> grades, List<String> overrides,
                  List<String> rules) {

    /** {@code formula} in plain Chinese, {@code formulaCode} as the analyst wrote it. */
    record IndicatorRow(String group, String name, String formula, String formulaCode, String weight, String scoring) {
    }

    static ModelTable of(ScoringModel m) {
        Vocabulary words = Vocabulary.of(m);
        List<IndicatorRow> rows = m.groups().stream().flatMap(g -> g.indicators().stream().map(i ->
                new IndicatorRow(g.name(), i.name(), PlainFormula.text(i.formula().text(), words), i.formula().text(),
                        plain(i.weight()), scoring(i.scoring(), i.format())))).toList();
        List<String> grades = m.grades().stream()
                .map(g -> g.name() + (g.minPoints() == null ? "" : "：总分 ≥ " + plain(g.minPoints())))
                .toList();
        List<String> overrides = m.overrides().stream().map(o -> o.name() + "：当 " + PlainFormula.text(o.when().text(), words) + " 时"
                + (o.action() == ScoringModel.OverrideAction.FORCE ? "直接定为 " : "至少定为 ") + m.gradeName(o.grade())
                + "（适用于" + o.appliesTo().label() + "）").toList();
        List<String> rules = m.usesDecisionTable() ? m.decisionTable().stream()
                .map(r -> "当 " + PlainFormula.text(r.when().text(), words) + " → " + m.gradeName(r.grade())).toList() : List.of();
        return new ModelTable(m.code(), m.name(), rows, grades, overrides, rules);
    }

    private static String scoring(Scoring s, String format) {
        if (s instanceof Scoring.Bands b)
            return b.bands().stream().map(x -> PlainBand.text(x.interval(), format) + " 得 " + percent(x.share())).collect(Collectors.joining("；"));
        if (s instanceof Scoring.ByAttribute a)
            return a.sets().entrySet().stream().map(e -> "单位属性 " + a.attribute() + " 为“" + e.getKey() + "”：" + scoring(e.getValue(), format))
                    .collect(Collectors.joining("\n"));
        if (s instanceof Scoring.Linear l)
            return "线性：" + l.points().stream().map(p -> PlainBand.edge(p.x(), format) + "→" + percent(p.share())).collect(Collectors.joining("，"));
        return String.valueOf(s);
    }

    private static String percent(BigDecimal share) {
        return plain(share.movePointRight(2)) + "%";
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
