package cn.sanbao.discipline;

import java.math.BigDecimal;

/**
 * 直达资金 of one unit at a month: to-date allocated, arrived and paid, and what has lain idle. Idle = arrived
 * up to N months earlier (same year) − paid to date, when positive: money first in, first out, so what is
 * still unpaid of the funds that arrived N or more months ago. Progress: paid ÷ allocated against time T.
 */
public record DirectFunds(BigDecimal allocated, BigDecimal arrived, BigDecimal paid, BigDecimal arrivedNMonthsAgo,
                          BigDecimal timeProgress) {

    public BigDecimal idle() {
        if (arrivedNMonthsAgo == null || paid == null) return BigDecimal.ZERO.setScale(2);
        return arrivedNMonthsAgo.subtract(paid).max(BigDecimal.ZERO).setScale(2);
    }

    public boolean isIdle() { return idle().signum() > 0; }

    /** paid ÷ arrived. */
    public BigDecimal paidOfArrived() { return TwoPriorities.rate(paid, arrived); }

    /** paid ÷ (allocated × T): 100 % = on schedule. */
    public BigDecimal progress() {
        return allocated == null || timeProgress == null ? null : TwoPriorities.rate(paid, allocated.multiply(timeProgress));
    }
}
