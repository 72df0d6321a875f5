package cn.sanbao.cashwatch;

import cn.sanbao.intake.Location;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One unit's end-of-day treasury balance (国库库款日终余额) in 元, and where it came from (file row/column,
 * connector query row/column) so problems name their place. A null balance or day is refused by the store with
 * its location (a reader passes what it could not read as null rather than dropping the row).
 */
public record DailyBalance(String unitCode, LocalDate day, BigDecimal balance, Location at) {
}
