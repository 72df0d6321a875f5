package cn.sanbao.engine.load;

import cn.sanbao.engine.ModelProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.sanbao.engine.EarlierPeriods;
import cn.sanbao.engine.Formula;
import cn.sanbao.engine.ScoringEngine;

/** Checks that every name a formula reads is declared, and visible where the formula is used. */
final class References {

    enum Kind { INPUT, DERIVED, INDICATOR, OVERRIDE, RULE }

    private record Use(Formula formula, Yaml node, Kind usedIn, Set<String> visible) {
    }

    private static final Set<String> PERIOD_NAMES = Set.of(ScoringEngine.YEAR, ScoringEngine.MONTH, ScoringEngine.WEEK);

    private final List<ModelProblem> problems;
    private final Map<String, Kind> declared = new HashMap<>();
    private final Set<String> levels = new HashSet<>();
    private final List<Use> uses = new ArrayList<>();

    References(List<ModelProblem> problems) {
        this.problems = problems;
    }

    void declare(String name, Yaml node, Kind kind) {
        if (name == null) return;
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            node.problem("编码“" + name + "”无效：只能用英文字母、数字和下划线，且不能以数字开头");
            return;
        }
        if (name.equals(ScoringEngine.TIME_PROGRESS) || name.equals(ScoringEngine.TOTAL) || name.startsWith("count_")
                || name.equals(Formula.UNIT) || name.startsWith(Formula.HAS_PREFIX) || name.startsWith(Formula.UNIT + "__")
                || PERIOD_NAMES.contains(name) || name.contains("__")) {
            node.problem("编码“" + name + "”是保留名称（T 为时序进度，total 为总分，YEAR/MONTH/WEEK 为期间，count_ 开头用于决策表，"
                    + "unit 为单位属性，has__ 用于 has(x)，含“__”的名称表示往期值）");
            return;
        }
        if (declared.containsKey(name)) {
            node.problem("编码“" + name + "”重复定义");
            return;
        }
        declared.put(name, kind);
    }

    void declareLevel(String level) {
        if (level != null) levels.add(level);
    }

    /** Derived values may only read what is declared before them, so they are checked at once. */
    void use(Formula f, Yaml node, Kind usedIn) {
        if (f == null) return;
        if (usedIn == Kind.DERIVED) {
            check(new Use(f, node, usedIn, Set.copyOf(declared.keySet())));
        } else {
            uses.add(new Use(f, node, usedIn, null));
        }
    }

    void checkAll() {
        uses.forEach(this::check);
    }

    private void check(Use u) {
        Set<String> names = new java.util.LinkedHashSet<>(u.formula().variables());
        names.addAll(u.formula().presenceChecks());
        for (String v : names) {
            if (v.equals(ScoringEngine.TIME_PROGRESS) || PERIOD_NAMES.contains(v)) continue;
            EarlierPeriods.Lag lag = EarlierPeriods.Lag.parse(v);
            if (lag != null) {
                if (declared.get(lag.item()) != Kind.INPUT)
                    u.node().problem("往期值只能读取数据项（inputs）：“" + lag.item() + "”不是数据项（prev、@、avg、count 中只能写数据项）");
                continue;
            }
            if (v.equals(ScoringEngine.TOTAL) && (u.usedIn() == Kind.OVERRIDE || u.usedIn() == Kind.RULE)) continue;
            if (v.startsWith("count_") && u.usedIn() == Kind.RULE) {
                if (!levels.contains(v.substring(6))) u.node().problem("“" + v + "”引用了未定义的等级“" + v.substring(6) + "”");
                continue;
            }
            Kind k = u.visible() != null ? (u.visible().contains(v) ? declared.get(v) : null) : declared.get(v);
            if (k == null) {
                u.node().problem("公式引用了未知数据项“" + v + "”：请在 inputs 中声明，或检查拼写"
                        + (u.usedIn() == Kind.DERIVED && declared.containsKey(v) ? "（派生值只能引用在它之前定义的名称）" : ""));
            } else if (k == Kind.INDICATOR && (u.usedIn() == Kind.DERIVED || u.usedIn() == Kind.INDICATOR)) {
                u.node().problem("指标公式不能引用其他指标“" + v + "”，请改用派生值（derived）");
            }
        }
    }
}
