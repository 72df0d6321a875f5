package cn.sanbao.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies (economic code, function code) pairs by one mapping version. Files repeat a few hundred
 * code pairs millions of times, so each pair's answer is computed once and cached (not thread-safe:
 * one classifier per import).
 */
public final class PillarClassifier {

    private final Map<String, MappingRule> economic = new HashMap<>();
    private final Map<String, MappingRule> function = new HashMap<>();
    private final Map<String, Map<String, MappingRule>> cache = new HashMap<>();
    private static final MappingRule NO_RULE = new MappingRule(MappingRule.CodeKind.FUNCTION, "", PaymentClass.UNCLASSIFIED, Integer.MIN_VALUE, null);

    public PillarClassifier(List<MappingRule> rules) {
        for (MappingRule r : rules) (r.kind() == MappingRule.CodeKind.ECONOMIC ? economic : function).put(r.prefix(), r);
    }

    public PaymentClass classify(String economicCode, String functionCode) {
        MappingRule r = rule(economicCode, functionCode);
        return r == null ? PaymentClass.UNCLASSIFIED : r.pillar();
    }

    /** The winning rule, or null when none matches. */
    public MappingRule rule(String economicCode, String functionCode) {
        MappingRule r = cache.computeIfAbsent(economicCode, k -> new HashMap<>())
                .computeIfAbsent(functionCode, f -> {
                    MappingRule b = best(best(null, economic, economicCode), function, f);
                    return b == null ? NO_RULE : b; // cached too: unmatched pairs repeat as often as matched ones
                });
        return r == NO_RULE ? null : r;
    }

    private static MappingRule best(MappingRule current, Map<String, MappingRule> rules, String code) {
        for (int len = code.length(); len > 0; len--) {
            MappingRule r = rules.get(code.substring(0, len));
            if (r != null && r.beats(current)) current = r;
        }
        return current;
    }
}
