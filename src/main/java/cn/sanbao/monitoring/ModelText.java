package cn.sanbao.monitoring;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps the top-level version and effectiveFrom lines of a model's YAML in step with its stored row. */
final class ModelText {

    private static final Pattern VERSION = Pattern.compile("(?m)^version:[ \\t]*\\S+[ \\t]*$");
    private static final Pattern EFFECTIVE = Pattern.compile("(?m)^effectiveFrom:[ \\t]*\\S+[ \\t]*$");

    private ModelText() {
    }

    static String withVersion(String yaml, int version) {
        return replace(yaml, VERSION, "version: " + version);
    }

    static String withEffectiveFrom(String yaml, String period) {
        return replace(yaml, EFFECTIVE, "effectiveFrom: " + period);
    }

    private static String replace(String yaml, Pattern line, String with) {
        Matcher m = line.matcher(yaml);
        return m.find() ? m.replaceFirst(Matcher.quoteReplacement(with)) : yaml;
    }
}
