package cn.sanbao.cli;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import cn.sanbao.engine.Period;
import cn.sanbao.engine.UnitInput;

/**
 * Which value of a data item scoring period P reads, most specific first:
 * <ol>
 *   <li>a value for P itself;</li>
 *   <li>else, when P is a week, the value for the latest month of the same fiscal year that had ended on
 *       or before the week's last day ({@link Period#latestClosedMonth()}); only that one month is looked
 *       at, an older month is never carried forward;</li>
 *   <li>else the value for the fiscal year of P (annual plan items).</li>
 * </ol>
 * For a month P step 2 is P itself, so a month reads its own values and the year's. Anything not found
 * stays missing, and the engine flags it (数据缺失); nothing is guessed.
 */
public final class PeriodResolution {

    private PeriodResolution() {
    }

    /** The periods to look in for {@code period}, most specific first (no duplicates, no nulls). */
    public static List<Period> lookup(Period period) {
        LinkedHashSet<Period> order = new LinkedHashSet<>();
        order.add(period);
        Period month = period.type() == Period.Type.YEAR ? null : period.latestClosedMonth();
        if (month != null) order.add(month);
        order.add(period.fiscalYear());
        return List.copyOf(order);
    }

    /** The engine input for one unit and period, restricted to {@code items} (the model's data items). */
    public static UnitInput input(Facts facts, String unit, Period period, Collection<String> items) {
        List<Period> lookup = lookup(period);
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (String item : items) {
            for (Period p : lookup) {
                BigDecimal v = facts.valuesAt(unit, p).get(item);
                if (v != null) {
                    values.put(item, v);
                    break;
                }
            }
        }
        return new UnitInput(unit, period, values);
    }
}
