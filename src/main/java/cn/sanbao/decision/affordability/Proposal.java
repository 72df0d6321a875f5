package cn.sanbao.decision.affordability;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A proposed new or raised guarantee-list standard: the item, the new standard (in the item's own basis:
 * per person per month, per person per year or fixed per unit per year), the month it starts, and the yearly
 * growth of the scope it covers (0.05 = 5 % more people each year after the first).
 */
public record Proposal(String itemCode, BigDecimal newStandard, YearMonth start, BigDecimal scopeGrowth) {

    public Proposal {
        if (newStandard == null || newStandard.signum() < 0) throw new IllegalArgumentException("新标准须为不小于 0 的金额");
        if (scopeGrowth == null || scopeGrowth.compareTo(BigDecimal.ONE.negate()) <= 0)
            throw new IllegalArgumentException("口径年增长率须大于 -100%");
    }
}
