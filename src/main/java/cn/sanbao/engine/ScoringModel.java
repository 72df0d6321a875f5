package cn.sanbao.engine;

import cn.sanbao.kernel.GradeLabels;
import cn.sanbao.kernel.Period;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A monitoring model: data items read, derived values, indicator groups with weights and scoring,
 * grades, how the grade is decided (cut-offs on points or a decision table) and overrides.
 * Built by {@code ModelLoader} from YAML, validated there; immutable.
 */
public record ScoringModel(
        String code,
        int version,
        String name,
        Period effectiveFrom,
        String description,
        BigDecimal totalPoints,
        Map<String, String> inputs,
        List<Derived> derived,
        List<Group> groups,
        List<Grade> grades,
        List<DecisionRule> decisionTable,
        String otherwiseGrade,
        List<Override> overrides,
        Map<String, BigDecimal> missingValues,
        Integer totalDecimals,
        Direction direction) {

    /** Decimals of the total when the model does not say (totalDecimals). */
    public static final int DEFAULT_TOTAL_DECIMALS = 2;

    /**
     * Whether more points are better (the default: points for health) or worse (points for stress, e.g.
     * 65 points and up is 重度). Either way grades are listed best first, so an override's "worse" keeps
     * its meaning.
     */
    public enum Direction {
        HIGHER_IS_BETTER("higher-is-better"), HIGHER_IS_WORSE("higher-is-worse");

        private final String yaml;

        Direction(String yaml) { this.yaml = yaml; }

        public String yaml() { return yaml; }

        public static Direction parse(String text) {
            for (Direction d : values()) if (d.yaml.equals(text)) return d;
            return null;
        }
    }

    /** A named intermediate value, e.g. demand = demand_wage + demand_operation + demand_livelihood. */
    public record Derived(String code, String name, Formula formula) {
    }

    public record Group(String code, String name, BigDecimal weight, List<Indicator> indicators) {
    }

    /** {@code decimals}: the value is rounded half up to this many decimals before banding (null: not rounded). */
    public record Indicator(String code, String name, Formula formula, BigDecimal weight, String format,
                            Scoring scoring, String note, Integer decimals) {

        /** Shown by its band's level (A, B, …) rather than by its value. */
        public boolean showsLetter() {
            return "letter".equals(format);
        }
    }

    /**
     * A grade; {@code minPoints} is its cut-off when grades come from points (null in a decision table);
     * {@code letter} is how the grade is reported where methods use letters (AAA, B), or null.
     */
    public record Grade(String code, String name, BigDecimal minPoints, String letter) {
    }

    /** A decision-table row: the first rule whose condition holds gives the grade. */
    public record DecisionRule(Formula when, String grade, String reason) {
    }

    public enum OverrideAction { FORCE, FLOOR }

    /**
     * Which units an override judges. A consolidated unit's data are sums of its members, so a condition such
     * as "arrears &gt; 0" on the sum only repeats a member's problem; by default overrides judge budget units only.
     */
    public enum AppliesTo {
        BUDGET("budget", "预算单位"), CONSOLIDATED("consolidated", "汇总单位"), ALL("all", "全部单位");

        private final String yaml;
        private final String label;

        AppliesTo(String yaml, String label) {
            this.yaml = yaml;
            this.label = label;
        }

        public String yaml() { return yaml; }

        public String label() { return label; }

        public boolean covers(boolean consolidated) {
            return this == ALL || (this == CONSOLIDATED) == consolidated;
        }

        /** The value written in the model file, or null when unknown. */
        public static AppliesTo parse(String text) {
            for (AppliesTo a : values()) if (a.yaml.equals(text)) return a;
            return null;
        }
    }

    /** 一票否决: FORCE sets the grade, FLOOR makes the grade at least this bad; only on the units it applies to. */
    public record Override(String code, String name, Formula when, OverrideAction action, String grade, AppliesTo appliesTo) {

        public Override(String code, String name, Formula when, OverrideAction action, String grade) {
            this(code, name, when, action, grade, AppliesTo.BUDGET);
        }
    }

    public boolean usesDecisionTable() {
        return decisionTable != null && !decisionTable.isEmpty();
    }

    public List<Indicator> indicators() {
        return groups.stream().flatMap(g -> g.indicators().stream()).toList();
    }

    /** Where the total is rounded before grading. */
    public int totalScale() {
        return totalDecimals == null ? DEFAULT_TOTAL_DECIMALS : totalDecimals;
    }

    /**
     * The grade the (rounded) total reaches by the cut-offs: with higher-is-better the best grade whose
     * minimum it reaches, else the worst one; with higher-is-worse the worst grade whose minimum it reaches,
     * else the best one.
     */
    public Grade gradeForPoints(BigDecimal total) {
        boolean worse = direction == Direction.HIGHER_IS_WORSE;
        for (int k = 0; k < grades.size(); k++) {
            Grade g = grades.get(worse ? grades.size() - 1 - k : k);
            if (g.minPoints() != null && total.compareTo(g.minPoints()) >= 0) return g;
        }
        return worse ? grades.get(0) : grades.get(grades.size() - 1);
    }

    /** The cut-off above a grade's points range (the next grade's minimum), or null when it is open above. */
    public BigDecimal upperPoints(Grade grade) {
        int i = grades.indexOf(grade);
        int next = direction == Direction.HIGHER_IS_WORSE ? i + 1 : i - 1;
        return next < 0 || next >= grades.size() ? null : grades.get(next).minPoints();
    }

    /** Unit attributes the model reads, in formulas (unit.kind) or to choose band sets (bandsBy). */
    public java.util.Set<String> unitAttributes() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        derived.forEach(d -> out.addAll(d.formula().unitAttributes()));
        for (Indicator i : indicators()) {
            out.addAll(i.formula().unitAttributes());
            if (i.scoring() instanceof Scoring.ByAttribute by) out.add(by.attribute());
        }
        decisionTable.forEach(r -> out.addAll(r.when().unitAttributes()));
        overrides.forEach(o -> out.addAll(o.when().unitAttributes()));
        return out;
    }

    /** Whether any indicator's bands give levels (A, B, RED), which results then report per indicator. */
    public static boolean hasLevels(Indicator indicator) {
        return indicator.scoring().allBands().stream().anyMatch(b -> b.level() != null);
    }

    /** Whether grades are reported with letters ({@code letter} on the grades). */
    public boolean hasGradeLetters() {
        return grades.stream().anyMatch(g -> g.letter() != null);
    }

    /** The grade's letter (A, BBB) when the model gives one, else null. */
    public String letter(String gradeCode) {
        Grade g = gradeCode == null ? null : grade(gradeCode);
        return g == null ? null : g.letter();
    }

    public Grade grade(String gradeCode) {
        return grades.stream().filter(g -> g.code().equals(gradeCode)).findFirst().orElse(null);
    }

    /** The grade's Chinese name; an unknown code shows as itself, no grade stays null (see {@link GradeLabels}). */
    public String gradeName(String gradeCode) {
        return GradeLabels.name(gradeCode, gradeNames());
    }

    /** As {@link #gradeName}, but no grade reads 数据缺失. */
    public String gradeNameOrMissing(String gradeCode) {
        return GradeLabels.nameOrMissing(gradeCode, gradeNames());
    }

    private Map<String, String> gradeNames() {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (Grade g : grades) names.put(g.code(), g.name());
        return names;
    }

    /** Position in the grade list: 0 is the best grade. */
    public int rank(String gradeCode) {
        for (int i = 0; i < grades.size(); i++) if (grades.get(i).code().equals(gradeCode)) return i;
        throw new IllegalArgumentException("未知等级：" + gradeCode);
    }

    public String label() {
        return name + " v" + version;
    }
}
