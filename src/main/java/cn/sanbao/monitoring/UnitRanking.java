package cn.sanbao.monitoring;

import java.math.BigDecimal;

/**
 * A unit's line in a period's results, with the change since the previous period of the same type.
 * {@code overrides} and {@code missing} are the Chinese names of the overrides fired and items missing.
 */
public record UnitRanking(String unitCode, String unitName, String unitKind, boolean consolidated, String cityName, BigDecimal total,
                          String grade, String gradeName, boolean complete, String overrides, String missing,
                          String previousGrade, String previousGradeName, BigDecimal previousTotal) {

    public BigDecimal totalChange() {
        return total == null || previousTotal == null ? null : total.subtract(previousTotal);
    }

    /** True when the unit has a grade in both periods and they differ. */
    public boolean gradeChanged() {
        return previousGrade != null && grade != null && !previousGrade.equals(grade);
    }
}
