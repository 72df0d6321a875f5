package cn.sanbao.reports.chart;

import java.util.Map;

/**
 * Grade colours of the screen charts (static/js/dashboard.js and unit.js); reports use the same so a printed
 * chart reads like the one on screen. A test compares these with the scripts.
 */
public final class GradeColours {

    public static final Map<String, String> BY_GRADE = Map.of(
            "STABLE", "#2e7d32", "LOW", "#c9a100", "MEDIUM", "#e65100", "HIGH", "#c62828");
    public static final String MISSING = "#78808f";
    /** Unit page: score line, execution bars and the time-progress line. */
    public static final String SCORE_LINE = "#1f3a68";
    public static final String EXECUTION_BAR = "#1d4f91";
    public static final String TIME_PROGRESS = "#c62828";

    private GradeColours() {
    }

    public static String of(String grade) {
        return grade == null ? MISSING : BY_GRADE.getOrDefault(grade, MISSING);
    }
}
