package cn.sanbao.cashwatch.level;

import cn.sanbao.cashwatch.CashLevelBand;

/**
 * Counts consecutive days below the floor along one unit's days, in ascending order. Only days with a balance
 * are fed in: a day without a balance (a weekend, a late report) neither counts nor breaks the run, and the
 * same holds for a day whose level cannot be computed (无法计算). A day at or above the floor ends the run.
 */
public final class FloorStreak {

    private int run;

    /** The run including this day: 0 when the day is not below the floor. */
    public int next(CashLevelBand band) {
        switch (band) {
            case LOW -> run++;
            case NORMAL, AMPLE -> run = 0;
            case UNKNOWN -> { return 0; }
        }
        return band == CashLevelBand.LOW ? run : 0;
    }
}
