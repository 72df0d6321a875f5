package cn.sanbao.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import cn.sanbao.engine.EarlierPeriods;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.UnitInput;
import cn.sanbao.facts.DataItem;
import cn.sanbao.facts.DataItemFile;
import cn.sanbao.facts.Frequency;
import cn.sanbao.facts.PeriodRule;

/**
 * Which value of a data item scoring period P reads from a facts file: exactly the console's rule,
 * {@link PeriodRule}. An item's frequency comes from the data item catalogue (--items, else the one
 * shipped with the application); an item the catalogue does not know is judged from the periods the file
 * gives it for ({@link PeriodRule#inferred}).
 */
public final class PeriodResolution {

    private static final String SHIPPED_ITEMS = "/items/data-items.csv";

    private PeriodResolution() {
    }

    /** The frequency of each of {@code items}: catalogue first, else judged from the file. */
    public static Map<String, Frequency> frequencies(Facts facts, Collection<String> items, Map<String, Frequency> catalogue) {
        Map<String, Set<Period.Type>> seen = new HashMap<>();
        for (String unit : facts.units())
            for (Period p : facts.periods())
                for (String item : facts.valuesAt(unit, p).keySet())
                    seen.computeIfAbsent(item, i -> EnumSet.noneOf(Period.Type.class)).add(p.type());
        Map<String, Frequency> out = new HashMap<>();
        for (String item : items) {
            Frequency f = catalogue.get(item);
            out.put(item, f != null ? f : PeriodRule.inferred(seen.getOrDefault(item, Set.of())));
        }
        return out;
    }

    /** Frequencies of the data item catalogue shipped with the application. */
    public static Map<String, Frequency> shippedCatalogue() {
        try (InputStream in = PeriodResolution.class.getResourceAsStream(SHIPPED_ITEMS)) {
            if (in == null) return Map.of();
            Map<String, Frequency> out = new HashMap<>();
            for (DataItem d : DataItemFile.parse("data-items.csv", in)) out.put(d.code(), d.frequency());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of one item for the unit in scoring period {@code period}, or null when missing. */
    public static BigDecimal value(Facts facts, String unit, Period period, String item, Frequency frequency) {
        Period source = PeriodRule.source(period, frequency);
        return source == null ? null : facts.valuesAt(unit, source).get(item);
    }

    /** The engine input for one unit and period, for the given items with their frequencies. */
    public static UnitInput input(Facts facts, String unit, Period period, Map<String, Frequency> frequencies) {
        return input(facts, unit, period, frequencies, Set.of());
    }

    /** As above, plus the earlier values the model reads: each read for its earlier period by the same rule. */
    public static UnitInput input(Facts facts, String unit, Period period, Map<String, Frequency> frequencies,
                                  Collection<EarlierPeriods.Lag> lags) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        frequencies.forEach((item, f) -> {
            BigDecimal v = value(facts, unit, period, item, f);
            if (v != null) values.put(item, v);
        });
        for (EarlierPeriods.Lag lag : lags) {
            Frequency f = frequencies.get(lag.item());
            BigDecimal v = f == null ? null : value(facts, unit, lag.apply(period), lag.item(), f);
            if (v != null) values.put(lag.name(), v);
        }
        return new UnitInput(unit, period, values);
    }

    /**
     * Whether the unit reported anything for the period itself: a value stored under P or, for a week, under
     * the month it reads. Annual plan figures alone do not make a unit part of a month's or week's run.
     */
    public static boolean reported(Facts facts, String unit, Period period) {
        if (!facts.valuesAt(unit, period).isEmpty()) return true;
        Period month = period.type() == Period.Type.WEEK ? period.latestClosedMonth() : null;
        return month != null && !facts.valuesAt(unit, month).isEmpty();
    }
}
