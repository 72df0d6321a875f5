package cn.sanbao.monitoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything behind one unit's score, stored with the result so it can be shown as it was computed:
 * each input with the revision it came from, each indicator's formula, value, band, points and weight,
 * the grade (with its letter when the model's grades have letters) and what decided it (one sentence, see {@link cn.sanbao.engine.GradeCause}), the overrides that fired and any data that was missing.
 */
public record ResultExplanation(
        long runId,
        String unitCode,
        String unitName,
        String period,
        String periodLabel,
        BigDecimal timeProgress,
        long modelVersionId,
        String modelLabel,
        BigDecimal total,
        String grade,
        String gradeName,
        String provisionalGrade,
        String provisionalGradeName,
        boolean complete,
        String decidedBy,
        List<String> missing,
        List<String> problems,
        List<String> dataNotes,
        List<Override> overrides,
        List<Group> groups,
        List<Indicator> indicators,
        String gradeLetter) {

    /** An override that fired, with the values its condition read. */
    public record Override(String code, String name, String action, String grade, String gradeName, boolean changedGrade,
                           java.util.Map<String, BigDecimal> values) {
    }

    public record Group(String code, String name, BigDecimal points, BigDecimal weight) {
    }

    /**
     * One indicator; {@code formula} and {@code band} are the model's code form (for analysts),
     * {@code formulaText} and {@code bandText} the same in plain Chinese, {@code valueText} the value in
     * the indicator's unit (% or 倍). {@code worstBand} is set when the value fell into the indicator's
     * lowest-scoring band; {@code standardText} is the band that earns full points (the standard missed).
     */
    public record Indicator(String code, String name, String groupCode, String formula, BigDecimal value,
                            String status, String statusLabel, String band, String level, BigDecimal share,
                            BigDecimal points, BigDecimal weight, String explanation, List<Input> inputs,
                            String formulaText, String bandText, String valueText, boolean worstBand,
                            String standardText) {

        /** The plain formula, or the code form for results stored before plain formulas existed. */
        public String formulaShown() {
            return formulaText != null ? formulaText : formula;
        }

        public String bandShown() {
            return bandText != null ? bandText : band;
        }
    }

    /** A data item read, with the period and revision its value came from (null value = missing). */
    public record Input(String item, String name, BigDecimal value, String sourcePeriod, Long revisionId) {
    }
}
