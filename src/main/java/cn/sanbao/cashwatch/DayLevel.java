package cn.sanbao.cashwatch;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A day's 库款保障水平 of one budget unit. level = balance ÷ (annual 三保 need of that year ÷ 12), 2 decimals,
 * null when the unit has no 三保 need for the year. band: the configured band. daysBelowFloor: consecutive
 * days up to and including this day whose level is below the floor (0 when this day is not below); a day
 * without a balance neither counts nor breaks the run (docs/cash-watch.md).
 */
public record DayLevel(String unitCode, LocalDate day, BigDecimal balance, BigDecimal monthlyNeed,
                       BigDecimal level, CashLevelBand band, int daysBelowFloor) {
}
