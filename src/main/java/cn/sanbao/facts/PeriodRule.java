package cn.sanbao.facts;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import cn.sanbao.kernel.Period;

/**
 * The one rule for which stored period a scoring period reads an item from, used by the console
 * ({@link FactResolver}) and the command line alike, so the same data always gets the same grade:
 * <ul>
 *   <li>annual items (年报): the fiscal year of the period;</li>
 *   <li>monthly items (月报): the month itself, or in a weekly run the latest month of the same year that
 *       had ended by the week's last day ({@link Period#latestClosedMonth()}); none in the first days;</li>
 *   <li>monthly and weekly items (月报及周报): the period itself only. A week never falls back to the month:
 *       a stock such as the cash balance a month old is not this week's figure.</li>
 * </ul>
 * Nothing else is looked at; what is not there is missing (数据缺失), never guessed.
 */
public final class PeriodRule {

    private PeriodRule() {
    }

    /** The stored period an item of this frequency is read from, or null when there is none. */
    public static Period source(Period period, Frequency frequency) {
        return switch (frequency) {
            case ANNUAL -> period.fiscalYear();
            case MONTHLY -> period.latestClosedMonth();
            case MONTHLY_WEEKLY -> period;
        };
    }

    /** {@link #source} for every frequency that has a source period. */
    public static Map<Frequency, Period> sources(Period period) {
        Map<Frequency, Period> out = new EnumMap<>(Frequency.class);
        for (Frequency f : Frequency.values()) {
            Period p = source(period, f);
            if (p != null) out.put(f, p);
        }
        return out;
    }

    /**
     * The frequency of an item not in the data item catalogue (a command-line facts file of another
     * method), judged from the periods it was given for: any week → monthly and weekly, else any month →
     * monthly, else annual.
     */
    public static Frequency inferred(Collection<Period.Type> types) {
        if (types.contains(Period.Type.WEEK)) return Frequency.MONTHLY_WEEKLY;
        if (types.contains(Period.Type.MONTH)) return Frequency.MONTHLY;
        return Frequency.ANNUAL;
    }
}
