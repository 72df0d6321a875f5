package cn.sanbao.cashwatch.level;

import cn.sanbao.cashwatch.DayLevel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Turns one unit's balances (ascending by day) into its daily levels, bands and runs below the floor. */
public final class DailyLevels {

    /** A balance as read: unit, day, 元. */
    public record Balance(String unitCode, LocalDate day, BigDecimal balance) {
    }

    private final LevelRule rule;

    public DailyLevels(LevelRule rule) { this.rule = rule; }

    /**
     * @param balances   one unit's balances, ascending by day
     * @param annualNeed the unit's annual 三保 need of a year (unit code, year) → 元, null when none
     */
    public List<DayLevel> of(List<Balance> balances, BiFunction<String, Integer, BigDecimal> annualNeed) {
        List<DayLevel> out = new ArrayList<>(balances.size());
        FloorStreak streak = new FloorStreak();
        String unit = null;
        int year = 0;
        BigDecimal need = null, monthly = null;
        for (Balance b : balances) {
            if (!b.unitCode().equals(unit) || b.day().getYear() != year) { // the need changes with the year only
                unit = b.unitCode();
                year = b.day().getYear();
                need = annualNeed.apply(unit, year);
                monthly = LevelRule.monthlyNeed(need);
            }
            BigDecimal level = LevelRule.level(b.balance(), need);
            var band = rule.classify(level);
            out.add(new DayLevel(b.unitCode(), b.day(), b.balance(), monthly, level, band, streak.next(band)));
        }
        return out;
    }
}
