package cn.sanbao.engine.load;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * Reads one entry of {@code inputs}: either its Chinese name, or {@code { name: …, missing: … }} where
 * missing says out loud what a unit without the value gets: {@code unscored} (the default: the indicators
 * reading it earn nothing and the unit is 数据缺失), {@code zero}, or {@code { value: n }}.
 */
final class InputReader {

    private InputReader() {
    }

    static void read(String code, Yaml node, Map<String, String> names, Map<String, BigDecimal> missingValues) {
        if (!node.isMapping()) {
            names.put(code, node.text("数据项“" + code + "”的中文名"));
            return;
        }
        Map<String, Yaml> f = node.fields("数据项“" + code + "”", Set.of("name", "missing"));
        names.put(code, Yaml.text(f, "name", "数据项“" + code + "”的中文名", node));
        Yaml missing = f.get("missing");
        if (missing == null) return;
        if (missing.isMapping()) {
            Map<String, Yaml> mf = missing.fields("缺失处理（missing）", Set.of("value"));
            BigDecimal value = Yaml.number(mf, "value", "缺失时使用的值", missing);
            if (value != null) missingValues.put(code, value);
            return;
        }
        String policy = missing.text("缺失处理（missing）");
        if ("zero".equals(policy)) missingValues.put(code, BigDecimal.ZERO);
        else if (policy != null && !"unscored".equals(policy))
            missing.problem("缺失处理“" + policy + "”无效，应为 unscored（不得分，默认）、zero（按 0 计）或 { value: 数值 }");
    }

    /** A number of decimal places, 0 to 10. */
    static Integer decimals(Yaml node, String what) {
        BigDecimal n = node.number(what);
        if (n == null) return null;
        if (n.stripTrailingZeros().scale() > 0 || n.signum() < 0 || n.compareTo(BigDecimal.TEN) > 0) {
            node.problem(what + "应为 0 到 10 的整数");
            return null;
        }
        return n.intValue();
    }
}
