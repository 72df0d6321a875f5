package cn.sanbao.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.sanbao.engine.ScoringModel.DecisionRule;
import cn.sanbao.engine.ScoringModel.Grade;
import cn.sanbao.engine.ScoringModel.OverrideAction;
import cn.sanbao.engine.UnitScore.FiredOverride;
import cn.sanbao.engine.UnitScore.GroupResult;

/** Turns points and indicator levels into a grade: cut-offs or decision table, then overrides. */
final class GradeDecider {

    private final ScoringModel model;
    private final Set<String> levels = new LinkedHashSet<>();

    GradeDecider(ScoringModel model) {
        this.model = model;
        for (ScoringModel.Indicator ind : model.indicators())
            for (Scoring.Band band : ind.scoring().allBands()) if (band.level() != null) levels.add(band.level());
    }

    UnitScore decide(UnitInput input, ScoringEngine.Scope scope, BigDecimal total,
                     List<GroupResult> groups, List<IndicatorResult> results) {
        BigDecimal rounded = total.setScale(model.totalScale(), RoundingMode.HALF_UP);
        scope.values.put(ScoringEngine.TOTAL, rounded);
        String decidedBy;
        String grade;
        if (model.usesDecisionTable()) {
            Map<String, Object> ctx = new HashMap<>(scope.values);
            for (String level : levels) ctx.put("count_" + level, BigDecimal.ZERO);
            for (Map.Entry<String, String> e : scope.levels.entrySet()) {
                ctx.put(e.getKey(), e.getValue());
                ctx.merge("count_" + e.getValue(), BigDecimal.ONE, (a, b) -> ((BigDecimal) a).add((BigDecimal) b));
            }
            grade = model.otherwiseGrade();
            decidedBy = "其余情形";
            for (DecisionRule rule : model.decisionTable()) {
                Set<String> needed = new java.util.HashSet<>(rule.when().variables());
                needed.removeAll(rule.when().presenceChecks());
                if (!ctx.keySet().containsAll(needed) || !scope.missingAttributes(rule.when()).isEmpty()) {
                    // Like an override, a rule that cannot be judged makes the unit incomplete: a rule
                    // reading a missing item must never be skipped silently into a milder grade.
                    scope.missingItems.addAll(unknown(rule.when(), scope, results));
                    scope.problems.add("无法判断决策规则“" + (rule.reason() != null ? rule.reason() : rule.when().text()) + "”");
                    continue;
                }
                if (condition(rule.when(), ctx, scope)) {
                    grade = rule.grade();
                    decidedBy = rule.reason() != null ? rule.reason() : "规则：" + rule.when().text();
                    break;
                }
            }
        } else {
            Grade g = model.gradeForPoints(rounded);
            grade = g.code();
            decidedBy = "总分 " + rounded.toPlainString()
                    + (rounded.compareTo(g.minPoints()) >= 0 ? " ≥ " + g.minPoints().stripTrailingZeros().toPlainString() : "");
        }

        List<FiredOverride> fired = new ArrayList<>();
        String forced = null;
        for (ScoringModel.Override o : model.overrides()) {
            if (!o.appliesTo().covers(input.consolidated())) continue;
            Set<String> missing = unknown(o.when(), scope, results);
            if (!missing.isEmpty()) {
                scope.missingItems.addAll(missing);
                scope.problems.add("无法判断一票否决条件“" + o.name() + "”");
                continue;
            }
            if (!condition(o.when(), scope.values, scope)) continue;
            if (o.action() == OverrideAction.FORCE) {
                boolean changes = !o.grade().equals(grade);
                forced = forced == null ? o.grade() : worse(forced, o.grade());
                fired.add(new FiredOverride(o.code(), o.name(), o.action(), o.grade(), changes, values(o.when(), scope)));
            } else {
                fired.add(new FiredOverride(o.code(), o.name(), o.action(), o.grade(), model.rank(o.grade()) > model.rank(grade),
                        values(o.when(), scope)));
            }
        }
        String finalGrade = forced != null ? forced : grade;
        for (FiredOverride f : fired)
            if (f.action() == OverrideAction.FLOOR) finalGrade = worse(finalGrade, f.grade());

        boolean complete = scope.missingItems.isEmpty() && scope.problems.isEmpty();
        String settled = complete || forced != null ? finalGrade : null;
        return new UnitScore(input.unitCode(), input.period(), model.code(), model.version(), rounded, finalGrade,
                settled, complete, List.copyOf(scope.missingItems), List.copyOf(scope.problems), decidedBy,
                List.copyOf(fired), List.copyOf(groups), List.copyOf(results));
    }

    /** The values an override's condition read, so the grade's cause can name them (e.g. the arrears amount). */
    private static Map<String, BigDecimal> values(Formula f, ScoringEngine.Scope scope) {
        Map<String, BigDecimal> out = new java.util.LinkedHashMap<>();
        f.variables().stream().sorted(java.util.Comparator.comparingInt(v -> f.text().indexOf(v))).forEach(v -> {
            if (scope.values.get(v) instanceof BigDecimal b) out.put(v, b);
        });
        return out;
    }

    /** Data items a condition needs but the unit lacks; an indicator that failed stands for its missing items. */
    private Set<String> unknown(Formula f, ScoringEngine.Scope scope, List<IndicatorResult> results) {
        Set<String> missing = scope.missingFor(f);
        missing.remove(ScoringEngine.TOTAL);
        missing.removeIf(v -> v.startsWith("count_"));
        for (ScoringModel.Indicator ind : model.indicators())
            if (missing.remove(ind.code())) missing.addAll(missingOfIndicator(results, ind.code()));
        return missing;
    }

    private static Set<String> missingOfIndicator(List<IndicatorResult> results, String code) {
        Set<String> out = new LinkedHashSet<>();
        for (IndicatorResult r : results)
            if (r.code().equals(code) && !r.ok())
                r.inputs().forEach((k, v) -> { if (v == null) out.add(k); });
        if (out.isEmpty()) out.add(code);
        return out;
    }

    private boolean condition(Formula f, Map<String, Object> ctx, ScoringEngine.Scope scope) {
        try {
            return f.evaluateCondition(ctx);
        } catch (Formula.FormulaException e) {
            scope.problems.add(e.getMessage());
            return false;
        }
    }

    private String worse(String a, String b) {
        return model.rank(a) >= model.rank(b) ? a : b;
    }
}
