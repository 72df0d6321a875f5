package cn.sanbao.engine;

import cn.sanbao.kernel.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import cn.sanbao.engine.IndicatorResult.Status;
import cn.sanbao.engine.ScoringModel.Derived;
import cn.sanbao.engine.ScoringModel.Group;
import cn.sanbao.engine.ScoringModel.Indicator;
import cn.sanbao.engine.UnitScore.GroupResult;

/**
 * Scores units against one model. Stateless after construction and safe to share between threads.
 * A missing or invalid input never earns points and never passes silently: the indicator says what
 * is missing and the unit is marked incomplete.
 */
public final class ScoringEngine {

    /** Name under which formulas see the period's time progress (时序进度). */
    public static final String TIME_PROGRESS = "T";
    /** Names under which formulas see the period: fiscal year, month (for a week the month of its Thursday; 0 in a year), ISO week (0 unless a week). */
    public static final String YEAR = "YEAR";
    public static final String MONTH = "MONTH";
    public static final String WEEK = "WEEK";
    /** Name under which overrides and decision rules see the unit's total points. */
    public static final String TOTAL = "total";
    /** Decimal places an indicator value is rounded to before it is banded. */
    public static final int VALUE_SCALE = 10;

    private final ScoringModel model;
    private final GradeDecider grader;

    public ScoringEngine(ScoringModel model) {
        this.model = model;
        this.grader = new GradeDecider(model);
    }

    public ScoringModel model() {
        return model;
    }

    public List<UnitScore> scoreAll(Collection<UnitInput> inputs) {
        List<UnitScore> out = new ArrayList<>(inputs.size());
        for (UnitInput in : inputs) out.add(score(in));
        return out;
    }

    public UnitScore score(UnitInput input) {
        Scope scope = new Scope(input);
        for (Derived d : model.derived()) scope.compute(d.code(), d.formula());

        List<IndicatorResult> results = new ArrayList<>();
        List<GroupResult> groups = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Group g : model.groups()) {
            BigDecimal groupPoints = BigDecimal.ZERO;
            for (Indicator ind : g.indicators()) {
                IndicatorResult r = indicator(g, ind, scope);
                results.add(r);
                groupPoints = groupPoints.add(r.points());
            }
            groups.add(new GroupResult(g.code(), g.name(), groupPoints, g.weight()));
            total = total.add(groupPoints);
        }
        return grader.decide(input, scope, total, groups, results);
    }

    private IndicatorResult indicator(Group g, Indicator ind, Scope scope) {
        Map<String, BigDecimal> inputs = scope.rawInputs(ind.formula());
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        Set<String> missing = scope.missingFor(ind.formula());
        String attribute = ind.scoring() instanceof Scoring.ByAttribute by ? by.attribute() : null;
        if (attribute != null && scope.input.attributes().get(attribute) == null) missing.add(Formula.UNIT + "." + attribute);
        if (!missing.isEmpty()) {
            scope.missingItems.addAll(missing);
            return new IndicatorResult(ind.code(), ind.name(), g.code(), ind.formula().text(), inputs, null,
                    Status.MISSING, null, null, null, zero, ind.weight(), "缺少数据：" + describe(missing) + "，本项不得分");
        }
        BigDecimal exact;
        try {
            exact = ind.formula().evaluateNumber(scope.values);
        } catch (Formula.FormulaException e) {
            scope.problems.add(ind.name() + "：" + e.getMessage());
            return new IndicatorResult(ind.code(), ind.name(), g.code(), ind.formula().text(), inputs, null,
                    Status.INVALID, null, null, null, zero, ind.weight(), e.getMessage() + "，本项不得分");
        }
        // Ten decimals unless the model says: exact ratios such as 250 ÷ (2000 ÷ 12) = 1.5 must land on their
        // band edge, not a hair below it after the inner division was rounded. decimals: n bands the value as
        // a published method prints it.
        BigDecimal value = exact.setScale(ind.decimals() != null ? ind.decimals() : VALUE_SCALE, RoundingMode.HALF_UP);
        scope.values.put(ind.code(), value);
        String band = null;
        Interval bandInterval = null;
        String level = null;
        BigDecimal share;
        Scoring.Bands bands = ind.scoring() instanceof Scoring.Bands b ? b
                : ind.scoring() instanceof Scoring.ByAttribute by ? by.sets().get(scope.input.attributes().get(attribute)) : null;
        if (attribute != null && bands == null) {
            String msg = "单位属性 " + attribute + " 为“" + scope.input.attributes().get(attribute) + "”，模型没有为它写分档（bandsBy: "
                    + attribute + "，现有：" + String.join("、", ((Scoring.ByAttribute) ind.scoring()).sets().keySet()) + "）";
            scope.problems.add(ind.name() + "：" + msg);
            return new IndicatorResult(ind.code(), ind.name(), g.code(), ind.formula().text(), inputs, value,
                    Status.INVALID, null, null, null, zero, ind.weight(), msg + "，本项不得分");
        }
        if (bands != null) {
            Scoring.Band b = bands.find(value);
            if (b == null) {
                String msg = "值 " + Display.value(value, ind.format()) + " 不在任何分档内";
                scope.problems.add(ind.name() + "：" + msg);
                return new IndicatorResult(ind.code(), ind.name(), g.code(), ind.formula().text(), inputs, value,
                        Status.INVALID, null, null, null, zero, ind.weight(), msg + "，本项不得分");
            }
            band = b.interval().toString();
            bandInterval = b.interval();
            level = b.level();
            share = b.share();
        } else {
            share = ((Scoring.Linear) ind.scoring()).share(value);
            band = "线性插值";
        }
        if (level != null) scope.levels.put(ind.code(), level);
        BigDecimal points = share.multiply(ind.weight()).setScale(2, RoundingMode.HALF_UP);
        String text = "值 " + Display.value(value, ind.format(), bandInterval)
                + (ind.decimals() != null && exact.compareTo(value) != 0
                        ? "（" + exact.stripTrailingZeros().toPlainString() + " 按 " + ind.decimals() + " 位小数四舍五入）" : "")
                + (bands != null ? "，在「" + PlainBand.text(bandInterval, ind.format()) + "」档" : "，按线性插值")
                + (attribute != null ? "（" + attribute + "为“" + scope.input.attributes().get(attribute) + "”的分档）" : "")
                + (level != null ? "（" + level + " 级）" : "")
                + "，得 " + Display.percent(share.setScale(4, RoundingMode.HALF_UP)) + "，计 " + points.toPlainString() + " / " + ind.weight().stripTrailingZeros().toPlainString() + " 分"
                + scope.filledNote(inputs.keySet());
        return new IndicatorResult(ind.code(), ind.name(), g.code(), ind.formula().text(), inputs, value, Status.OK,
                band, level, share, points, ind.weight(), text);
    }

    private String describe(Set<String> items) {
        List<String> parts = new ArrayList<>();
        for (String item : items) {
            if (item.startsWith(Formula.UNIT + ".")) {
                parts.add("单位属性“" + item.substring(Formula.UNIT.length() + 1) + "”");
                continue;
            }
            parts.add(inputName(model, item) + "（" + item + "）");
        }
        return String.join("、", parts);
    }

    /** The Chinese name of a data item, or of an earlier period's value ("现金余额（上年）"); the code when unnamed. */
    public static String inputName(ScoringModel model, String variable) {
        EarlierPeriods.Lag lag = EarlierPeriods.Lag.parse(variable);
        String item = lag == null ? variable : lag.item();
        String name = model.inputs().getOrDefault(item, item);
        return lag == null ? name : name + "（" + lag.label() + "）";
    }

    private boolean isEarlier(String variable) {
        EarlierPeriods.Lag lag = EarlierPeriods.Lag.parse(variable);
        return lag != null && model.inputs().containsKey(lag.item());
    }

    /** Values known while scoring one unit, and which data items each derived value rests on. */
    final class Scope {
        final UnitInput input;
        final Map<String, Object> values = new HashMap<>();
        final Map<String, Set<String>> missingOfDerived = new HashMap<>();
        final Map<String, Set<String>> itemsOfDerived = new HashMap<>();
        final Map<String, String> levels = new LinkedHashMap<>();
        final Set<String> missingItems = new TreeSet<>();
        final List<String> problems = new ArrayList<>();
        /** Inputs the unit lacks that the model's missing policy filled in (missing: zero / value). */
        final Set<String> filled = new TreeSet<>();

        Scope(UnitInput input) {
            this.input = input;
            values.putAll(input.values());
            values.values().removeIf(v -> v == null);
            values.put(TIME_PROGRESS, input.period().timeProgress());
            Period p = input.period();
            values.put(YEAR, BigDecimal.valueOf(p.year()));
            values.put(MONTH, BigDecimal.valueOf(switch (p.type()) {
                case YEAR -> 0;
                case MONTH -> p.number();
                case WEEK -> p.startDate().plusDays(3).getMonthValue();
            }));
            values.put(WEEK, BigDecimal.valueOf(p.type() == Period.Type.WEEK ? p.number() : 0));
            values.put(Formula.UNIT, input.attributes());
            model.missingValues().forEach((item, v) -> {
                if (values.containsKey(item)) return;
                values.put(item, v);
                values.put(Formula.HAS_PREFIX + item, false); // has(x) tells the data, not the stand-in
                filled.add(item);
            });
        }

        /** 「（X 缺失，按 0 计）」 for inputs the missing policy filled in. */
        String filledNote(Set<String> items) {
            List<String> parts = new ArrayList<>();
            for (String item : items)
                if (filled.contains(item))
                    parts.add(model.inputs().getOrDefault(item, item) + " 缺失，按 " + ((BigDecimal) values.get(item)).toPlainString() + " 计");
            return parts.isEmpty() ? "" : "（" + String.join("；", parts) + "）";
        }

        /** Unit attributes the formula reads that the unit does not have, as unit.NAME. */
        Set<String> missingAttributes(Formula f) {
            Set<String> out = new LinkedHashSet<>();
            for (String a : f.unitAttributes()) if (input.attributes().get(a) == null) out.add(Formula.UNIT + "." + a);
            return out;
        }

        void compute(String code, Formula f) {
            Set<String> missing = missingFor(f);
            itemsOfDerived.put(code, rawInputs(f).keySet());
            if (!missing.isEmpty()) {
                missingOfDerived.put(code, missing);
                return;
            }
            try {
                values.put(code, f.evaluateNumber(values));
            } catch (Formula.FormulaException e) {
                // A derived value that cannot be computed makes everything using it invalid, not missing.
                missingOfDerived.put(code, Set.of());
                problems.add(code + "：" + e.getMessage());
            }
        }

        /** Data items (transitively through derived values) that the formula needs but the unit lacks. */
        Set<String> missingFor(Formula f) {
            Set<String> out = new LinkedHashSet<>();
            for (String v : f.variables()) {
                if (missingOfDerived.containsKey(v)) {
                    if (!f.presenceChecks().contains(v)) out.addAll(missingOfDerived.get(v));
                } else if (!values.containsKey(v) && !f.presenceChecks().contains(v)) out.add(v);
            }
            out.addAll(missingAttributes(f));
            return out;
        }

        /** The raw data items behind a formula with their values, for the explanation. */
        Map<String, BigDecimal> rawInputs(Formula f) {
            Map<String, BigDecimal> out = new LinkedHashMap<>();
            for (String v : f.variables()) {
                if (itemsOfDerived.containsKey(v)) {
                    for (String item : itemsOfDerived.get(v)) out.put(item, item(item));
                } else if (v.equals(TIME_PROGRESS)) {
                    out.put(v, input.period().timeProgress().setScale(6, RoundingMode.HALF_UP));
                } else if (model.inputs().containsKey(v)) {
                    out.put(v, item(v));
                } else if (isEarlier(v)) {
                    out.put(v, input.values().get(v));
                }
            }
            return out;
        }

        /** A data item's value as scored: the unit's own, the missing policy's stand-in, or null. */
        private BigDecimal item(String code) {
            BigDecimal own = input.values().get(code);
            return own != null || !filled.contains(code) ? own : (BigDecimal) values.get(code);
        }
    }
}
