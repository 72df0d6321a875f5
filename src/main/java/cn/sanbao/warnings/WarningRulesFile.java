package cn.sanbao.warnings;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import cn.sanbao.warnings.WarningRules.EscalationStep;
import cn.sanbao.warnings.WarningRules.RecipientRule;
import cn.sanbao.warnings.WarningRules.RecipientType;

/** Reads warning rules from YAML; every problem names the file and the key, in Chinese. */
public final class WarningRulesFile {

    public static final Set<String> CHANNELS = Set.of("SMS", "WECHAT", "EMAIL");

    private WarningRulesFile() {
    }

    public static WarningRules read(InputStream in, String source) {
        Object root;
        try (in) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("预警规则文件 " + source + " 无法读取：" + e.getMessage(), e);
        }
        Map<?, ?> doc = map(root, source, "（文件）");
        Map<?, ?> trigger = map(doc.get("trigger"), source, "trigger");
        Set<String> grades = strings(trigger.get("grades"), source, "trigger.grades");
        boolean anyOverride = Boolean.TRUE.equals(trigger.get("anyOverride"));
        Set<String> overrides = trigger.get("overrides") == null ? Set.of() : strings(trigger.get("overrides"), source, "trigger.overrides");
        List<RecipientRule> recipients = new ArrayList<>();
        int i = 0;
        for (Object o : list(doc.get("recipients"), source, "recipients")) {
            String key = "recipients[" + (i++) + "]";
            Map<?, ?> r = map(o, source, key);
            RecipientType type;
            try {
                type = RecipientType.valueOf(String.valueOf(r.get("type")));
            } catch (IllegalArgumentException e) {
                throw problem(source, key + ".type", "应为 UNIT、CITY 或 LEADER，实际为 " + r.get("type"));
            }
            Set<String> channels = strings(r.get("channels"), source, key + ".channels");
            for (String c : channels)
                if (!CHANNELS.contains(c)) throw problem(source, key + ".channels", "未知渠道 " + c + "（可用 SMS、WECHAT、EMAIL）");
            Set<String> only = r.get("grades") == null ? Set.of() : strings(r.get("grades"), source, key + ".grades");
            recipients.add(new RecipientRule(type, List.copyOf(channels), only));
        }
        Map<?, ?> esc = map(doc.get("escalation"), source, "escalation");
        String escGrade = String.valueOf(esc.get("grade"));
        List<EscalationStep> steps = new ArrayList<>();
        i = 0;
        for (Object o : list(esc.get("steps"), source, "escalation.steps")) {
            String key = "escalation.steps[" + (i++) + "]";
            Map<?, ?> s = map(o, source, key);
            int months = positive(s.get("months"), source, key + ".months");
            EscalationLevel level;
            try {
                level = EscalationLevel.valueOf(String.valueOf(s.get("level")));
            } catch (IllegalArgumentException e) {
                throw problem(source, key + ".level", "应为 NOTICE（通报）、SUMMONS（约谈）或 ACCOUNTABILITY（问责），实际为 " + s.get("level"));
            }
            steps.add(new EscalationStep(months, level));
        }
        Map<?, ?> deadlines = map(doc.get("deadlines"), source, "deadlines");
        return new WarningRules(grades, anyOverride, overrides, List.copyOf(recipients), escGrade, List.copyOf(steps),
                positive(deadlines.get("planDays"), source, "deadlines.planDays"),
                positive(deadlines.get("rectifyDays"), source, "deadlines.rectifyDays"));
    }

    private static Map<?, ?> map(Object o, String source, String key) {
        if (o instanceof Map<?, ?> m) return m;
        throw problem(source, key, o == null ? "缺少该项" : "应为键值结构");
    }

    private static List<?> list(Object o, String source, String key) {
        if (o instanceof List<?> l) return l;
        throw problem(source, key, o == null ? "缺少该项" : "应为列表");
    }

    private static Set<String> strings(Object o, String source, String key) {
        Set<String> out = new LinkedHashSet<>();
        for (Object v : (Collection<?>) list(o, source, key)) out.add(String.valueOf(v));
        return Set.copyOf(out);
    }

    private static int positive(Object o, String source, String key) {
        if (o instanceof Integer n && n > 0) return n;
        throw problem(source, key, "应为正整数，实际为 " + o);
    }

    private static IllegalArgumentException problem(String source, String key, String reason) {
        return new IllegalArgumentException("预警规则文件 " + source + "，项 " + key + "：" + reason);
    }
}
