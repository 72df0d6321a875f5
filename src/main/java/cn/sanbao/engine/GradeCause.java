package cn.sanbao.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import cn.sanbao.engine.ScoringModel.OverrideAction;
import cn.sanbao.engine.UnitScore.FiredOverride;

/**
 * The one sentence saying what decided a unit's grade, for the unit page, the API, letters and reports:
 * the override that set it (with the values it read), else the decision-table row, else the score band.
 * E.g. 「存在工资或基本民生拖欠（工资拖欠余额 35.20 万元），一票否决定为高度风险」 or
 * 「总分 63.00 分（≥ 60 分且 < 75 分），定为中度风险」.
 */
public final class GradeCause {

    private GradeCause() {
    }

    public static String sentence(ScoringModel model, UnitScore s, Vocabulary words) {
        String basis = basis(model, s, words);
        if (s.grade() == null)
            return "数据缺失，等级暂不评定" + (s.provisionalGrade() == null ? "" : "；按现有数据：" + basis);
        List<String> forced = new ArrayList<>();
        for (FiredOverride o : s.overrides())
            if (o.action() == OverrideAction.FORCE && o.grade().equals(s.grade()))
                forced.add(override(o, words) + "，一票否决定为" + name(model, o.grade()));
        if (!forced.isEmpty()) return String.join("；", forced);
        List<String> floors = new ArrayList<>();
        for (FiredOverride o : s.overrides())
            if (o.action() == OverrideAction.FLOOR && o.changedGrade() && o.grade().equals(s.grade()))
                floors.add(override(o, words) + "，一票否决至少定为" + name(model, o.grade()));
        if (!floors.isEmpty()) return String.join("；", floors) + "（" + basis.replace("，定为", "，原为") + "）";
        return basis;
    }

    /** What points or the decision table alone give, before any override. */
    private static String basis(ScoringModel model, UnitScore s, Vocabulary words) {
        if (model.usesDecisionTable()) {
            for (ScoringModel.DecisionRule r : model.decisionTable()) {
                String reason = r.reason() != null ? r.reason() : "规则：" + r.when().text();
                if (reason.equals(s.decidedBy()))
                    return "符合决策表规则“" + (r.reason() != null ? r.reason() : PlainFormula.text(r.when().text(), words))
                            + "”（" + PlainFormula.text(r.when().text(), words) + "），定为" + name(model, r.grade());
            }
            return "不符合决策表中任何一条规则，按其余情形定为" + name(model, s.provisionalGrade());
        }
        String total = s.total().setScale(model.totalScale(), RoundingMode.HALF_UP).toPlainString();
        ScoringModel.Grade g = model.gradeForPoints(s.total());
        if (g.minPoints() == null || s.total().compareTo(g.minPoints()) < 0)
            return "总分 " + total + " 分，定为" + name(model, s.provisionalGrade());
        BigDecimal upper = model.upperPoints(g);
        String band = "≥ " + points(g.minPoints()) + " 分" + (upper == null ? "" : "且 < " + points(upper) + " 分");
        return "总分 " + total + " 分（" + band + "），定为" + g.name();
    }

    /** An override with the figures behind it: non-zero values first, all of them if every one is zero. */
    private static String override(FiredOverride o, Vocabulary words) {
        Map<String, BigDecimal> values = o.values() == null ? Map.of() : o.values();
        List<String> shown = new ArrayList<>();
        values.forEach((k, v) -> { if (v.signum() != 0) shown.add(words.name(k) + " " + words.value(k, v)); });
        if (shown.isEmpty()) values.forEach((k, v) -> shown.add(words.name(k) + " " + words.value(k, v)));
        return o.name() + (shown.isEmpty() ? "" : "（" + String.join("、", shown) + "）");
    }

    private static String name(ScoringModel model, String grade) {
        return String.valueOf(model.gradeName(grade));
    }

    private static String points(BigDecimal p) {
        return p.stripTrailingZeros().toPlainString();
    }
}
