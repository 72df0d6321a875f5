package cn.sanbao.decision.runway;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One actual month of a unit's treasury cash: month-end balance, inflow and outflow of the month, and
 * the parts of the outflow that were 三保 spending and statutory debt service (null when not reported).
 */
@org.springframework.modulith.NamedInterface("runway")
public record CashMonth(YearMonth month, BigDecimal balance, BigDecimal inflow, BigDecimal outflow,
                        BigDecimal sanbaoPaid, BigDecimal debtPaid) {
}
