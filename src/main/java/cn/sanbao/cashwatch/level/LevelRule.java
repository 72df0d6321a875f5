package cn.sanbao.cashwatch.level;

import cn.sanbao.cashwatch.CashLevelBand;
import cn.sanbao.kernel.CashBand;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 库款保障水平 of one day: balance ÷ (annual 三保 need ÷ 12), in months, 2 decimals. The band is decided on the
 * level as shown (2 decimals), so a unit shown at exactly the floor is 正常, never 低于下限.
 */
public final class LevelRule {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private final CashBand band;

    public LevelRule(CashBand band) { this.band = band; }

    public CashBand band() { return band; }

    /** Average monthly need in 元 (2 decimals); null when there is no positive annual need. */
    public static BigDecimal monthlyNeed(BigDecimal annualNeed) {
        if (annualNeed == null || annualNeed.signum() <= 0) return null;
        return annualNeed.divide(TWELVE, 2, RoundingMode.HALF_UP);
    }

    /** Months of need the balance covers; computed from the annual figure so the monthly rounding does not leak in. */
    public static BigDecimal level(BigDecimal balance, BigDecimal annualNeed) {
        if (balance == null || annualNeed == null || annualNeed.signum() <= 0) return null;
        return balance.multiply(TWELVE).divide(annualNeed, 2, RoundingMode.HALF_UP);
    }

    public CashLevelBand classify(BigDecimal level) {
        if (level == null) return CashLevelBand.UNKNOWN;
        if (level.compareTo(band.low()) < 0) return CashLevelBand.LOW;
        return level.compareTo(band.high()) > 0 ? CashLevelBand.AMPLE : CashLevelBand.NORMAL;
    }
}
