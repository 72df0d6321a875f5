package cn.sanbao.kernel;

import java.util.Map;

/** How a grade code reads to a person, given the grades of the model that produced it. */
public final class GradeLabels {

    /** What a unit without a grade is shown as. */
    public static final String MISSING = "数据缺失";

    private GradeLabels() {
    }

    /**
     * The grade's Chinese name among the model's grades (code → name). A code the model does not know (a result kept
     * under an older model) shows as itself; no grade (null) stays null.
     */
    public static String name(String code, Map<String, String> names) {
        if (code == null) return null;
        String name = names.get(code);
        return name == null ? code : name;
    }

    /** As {@link #name}, but no grade reads {@value #MISSING}. */
    public static String nameOrMissing(String code, Map<String, String> names) {
        return code == null ? MISSING : name(code, names);
    }
}
