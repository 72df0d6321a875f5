package cn.sanbao.engine;

import cn.sanbao.kernel.Period;
import java.math.BigDecimal;
import java.util.List;

/**
 * The result for one unit and period. {@code grade} is final; it is null when inputs are missing or
 * invalid and no forcing override settles it ({@code complete} false, shown as 数据缺失), in which case
 * {@code provisionalGrade} says what the available data alone would give. Its total is never above the
 * truth because missing indicators earn nothing, but the grade can be milder than the truth when an
 * override or decision rule could not be judged, which is why it is only provisional.
 */
public record UnitScore(
        String unitCode,
        Period period,
        String modelCode,
        int modelVersion,
        BigDecimal total,
        String provisionalGrade,
        String grade,
        boolean complete,
        List<String> missing,
        List<String> problems,
        String decidedBy,
        List<FiredOverride> overrides,
        List<GroupResult> groups,
        List<IndicatorResult> indicators) {

    public record GroupResult(String code, String name, BigDecimal points, BigDecimal weight) {
    }

    /** An override whose condition held, with the values its condition read. */
    public record FiredOverride(String code, String name, ScoringModel.OverrideAction action, String grade,
                                boolean changedGrade, java.util.Map<String, BigDecimal> values) {
    }

    public IndicatorResult indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
    }
}
