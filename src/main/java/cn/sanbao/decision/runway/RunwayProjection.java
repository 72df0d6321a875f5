package cn.sanbao.decision.runway;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A unit's projected month-end cash. {@code level} is 库款保障水平 = month-end cash ÷ average monthly
 * outflow; {@code crossing} is the first projected month whose level is below the safe band (null: none).
 */
@org.springframework.modulith.NamedInterface("runway")
public record RunwayProjection(String unitCode, YearMonth base, BigDecimal baseBalance, BigDecimal averageOutflow,
                               BigDecimal baseLevel, List<Month> months, YearMonth crossing, String method) {

    /** One projected month: opening + inflow + extra − 三保 − debt − other = closing. */
    @org.springframework.modulith.NamedInterface("runway")
    public record Month(YearMonth month, BigDecimal opening, BigDecimal inflow, BigDecimal extra,
                        BigDecimal sanbaoOutflow, BigDecimal debtOutflow, BigDecimal otherOutflow,
                        BigDecimal closing, BigDecimal level) {
        public BigDecimal outflow() { return sanbaoOutflow.add(debtOutflow).add(otherOutflow); }
    }

    /** Months from the base month to the crossing (1 = next month); -1 when the line is not crossed. */
    public int monthsToCrossing() {
        if (crossing == null) return -1;
        return (int) (crossing.getYear() * 12L + crossing.getMonthValue() - base.getYear() * 12L - base.getMonthValue());
    }

    public boolean crossesWithin(int monthsAhead) {
        int m = monthsToCrossing();
        return m > 0 && m <= monthsAhead;
    }

    /**
     * Cash to add in the first projected month so that no month within {@code monthsAhead} ends below
     * {@code lowLevel} × average outflow: the 库款缺口 a dispatch would close. Zero when none is needed.
     */
    public BigDecimal shortfall(BigDecimal lowLevel, int monthsAhead) {
        BigDecimal line = averageOutflow.multiply(lowLevel);
        BigDecimal worst = BigDecimal.ZERO;
        for (int i = 0; i < Math.min(monthsAhead, months.size()); i++) {
            BigDecimal gap = line.subtract(months.get(i).closing());
            if (gap.compareTo(worst) > 0) worst = gap;
        }
        return worst.setScale(2, java.math.RoundingMode.CEILING);
    }
}
