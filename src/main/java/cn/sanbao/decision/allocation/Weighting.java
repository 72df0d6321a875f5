package cn.sanbao.decision.allocation;

import cn.sanbao.shared.Decimals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A named, versioned set of factor weights; stored as text "GAP=0.4;POPULATION=0.3;…". */
public record Weighting(long id, String name, int version, Map<Factor, BigDecimal> weights) {

    public Weighting {
        weights = new EnumMap<>(weights);
    }

    public String label() { return name + " v" + version; }

    /** The weights in words for people (audit log, screens): 「缺口 0.7、人口 0.1」. */
    public String description() {
        List<String> parts = new ArrayList<>();
        weights.forEach((f, w) -> parts.add(f.label() + " " + w.stripTrailingZeros().toPlainString()));
        return "权重：" + String.join("、", parts);
    }

    public String text() {
        List<String> parts = new ArrayList<>();
        weights.forEach((f, w) -> parts.add(f.name() + "=" + w.stripTrailingZeros().toPlainString()));
        return String.join(";", parts);
    }

    /** Parses and checks weights: every factor known, none negative, at least one positive. Chinese messages. */
    public static Map<Factor, BigDecimal> parse(String text) {
        Map<Factor, BigDecimal> out = new EnumMap<>(Factor.class);
        List<String> problems = new ArrayList<>();
        for (String part : text == null ? new String[0] : text.split(";")) {
            if (part.isBlank()) continue;
            String[] kv = part.split("=", 2);
            Factor f = null;
            for (Factor c : Factor.values()) if (c.name().equalsIgnoreCase(kv[0].trim()) || c.label().equals(kv[0].trim())) f = c;
            if (f == null) { problems.add("未知因素“" + kv[0].trim() + "”"); continue; }
            try {
                BigDecimal w = Decimals.parse(kv.length < 2 ? "" : kv[1]);
                if (w.signum() < 0) problems.add(f.label() + "的权重不能为负数");
                out.put(f, w);
            } catch (Decimals.Invalid e) {
                problems.add(f.label() + "的权重" + e.getMessage());
            }
        }
        validate(out, problems);
        return out;
    }

    public static void validate(Map<Factor, BigDecimal> weights, List<String> problems) {
        if (weights.values().stream().noneMatch(w -> w.signum() > 0)) problems.add("至少一个因素的权重须大于 0");
        if (!problems.isEmpty()) throw new IllegalArgumentException("权重方案无效：" + String.join("；", problems));
    }
}
