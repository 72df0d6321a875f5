package cn.sanbao.cashwatch;

import java.math.BigDecimal;
import java.time.LocalDate;

/** TEMPORARY copy of the contract type; dropped at the merge with cash-core. */
public record DayLevel(String unitCode, LocalDate day, BigDecimal balance, BigDecimal monthlyNeed,
                       BigDecimal level, CashLevelBand band, int daysBelowFloor) {}
