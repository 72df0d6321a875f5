package cn.sanbao.cli;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.sanbao.kernel.Period;

/**
 * The contents of a facts file after validation: units in file order (with their names when the file
 * gives them), and for each unit, period and data item one value.
 */
public final class Facts {

    private final Map<String, String> unitNames = new LinkedHashMap<>();
    private final Map<String, Map<Period, Map<String, BigDecimal>>> values = new LinkedHashMap<>();
    private final Set<Period> periods = new TreeSet<>();
    private final Set<String> items = new TreeSet<>();
    private boolean hasUnitNames;

    /** Records one value; returns false when (unit, period, item) is already present. */
    boolean put(String unit, Period period, String item, BigDecimal value) {
        unitNames.putIfAbsent(unit, null);
        periods.add(period);
        items.add(item);
        return values.computeIfAbsent(unit, u -> new LinkedHashMap<>())
                .computeIfAbsent(period, p -> new LinkedHashMap<>())
                .putIfAbsent(item, value) == null;
    }

    void name(String unit, String name) {
        if (name != null && !name.isBlank() && unitNames.get(unit) == null) unitNames.put(unit, name.trim());
    }

    void hasUnitNames(boolean hasUnitNames) {
        this.hasUnitNames = hasUnitNames;
    }

    /** Whether the file had a {@code unit_name} column. */
    public boolean hasUnitNames() {
        return hasUnitNames;
    }

    /** Unit codes in the order they first appear in the file. */
    public Set<String> units() {
        return Collections.unmodifiableSet(unitNames.keySet());
    }

    /** The unit's name from the file, or null. */
    public String unitName(String unit) {
        return unitNames.get(unit);
    }

    /** Every period that occurs in the file, in time order. */
    public Set<Period> periods() {
        return Collections.unmodifiableSet(periods);
    }

    /** Every data item code that occurs in the file. */
    public Set<String> items() {
        return Collections.unmodifiableSet(items);
    }

    /** The unit's values of exactly this period (no fallback); empty when there are none. */
    public Map<String, BigDecimal> valuesAt(String unit, Period period) {
        Map<Period, Map<String, BigDecimal>> byPeriod = values.get(unit);
        Map<String, BigDecimal> v = byPeriod == null ? null : byPeriod.get(period);
        return v == null ? Map.of() : Collections.unmodifiableMap(v);
    }

    public int size() {
        int n = 0;
        for (Map<Period, Map<String, BigDecimal>> byPeriod : values.values())
            for (Map<String, BigDecimal> v : byPeriod.values()) n += v.size();
        return n;
    }
}
