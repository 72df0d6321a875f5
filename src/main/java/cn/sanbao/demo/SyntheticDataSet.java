package cn.sanbao.demo;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A country-sized synthetic data set for benchmarks: {@code unitCount} units ("S000001", …) × 12 months
 * of the annual and monthly items (no weeks). Nothing is held in memory: every unit's year is derived
 * from the seed when asked for, so a benchmark can score one month or one unit at a time.
 */
public final class SyntheticDataSet {

    /** Receives one unit-month: the annual plan items together with that month's values. */
    @FunctionalInterface
    public interface UnitMonthConsumer {
        void accept(String unitCode, int month, Map<String, BigDecimal> values);
    }

    public static final int YEAR = DemoDataGenerator.YEAR;

    private final int unitCount;
    private final long seed;

    public SyntheticDataSet(int unitCount, long seed) {
        if (unitCount < 1 || unitCount > 999_999) throw new IllegalArgumentException("单位数必须在 1 到 999999 之间：" + unitCount);
        this.unitCount = unitCount;
        this.seed = seed;
    }

    public int unitCount() { return unitCount; }

    /** Unit code of index 0..unitCount-1. */
    public static String unitCode(int index) { return String.format("S%06d", index + 1); }

    public List<String> unitCodes() {
        return new AbstractList<>() {
            @Override public String get(int i) { return unitCode(i); }
            @Override public int size() { return unitCount; }
        };
    }

    /** Annual items plus monthly items per unit and month: annual + 12 × monthly. */
    public long factCount() {
        long annual = DemoCatalogue.generatedItems().stream().filter(DemoCatalogue.Item::annual).count();
        long monthly = DemoCatalogue.generatedItems().size() - annual;
        return unitCount * (annual + 12 * monthly);
    }

    /** The whole model year of one unit (annual items and month-end values). */
    public UnitYear unitYear(int index) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + index);
        // Every tenth unit plays a city's own budget level: bigger.
        UnitProfile p = DemoProfiles.random(index % 10 == 0 ? "CITY_LEVEL" : "COUNTY", rnd);
        double roll = rnd.nextDouble();
        int first = 1 + rnd.nextInt(10);
        // A thin tail of override cases so a benchmark also exercises 一票否决.
        if (roll < 0.01) p = p.strained(first, first + 2, 0.15).withWageArrears(0.1, first, first + 1, first + 2);
        else if (roll < 0.03) p = p.lowCash(0.25, first, first + 1);
        return UnitYear.generate(p, rnd.nextLong());
    }

    /** Every unit's values for month 1..12 (annual items included), computed now, in unit order. */
    public Map<String, Map<String, BigDecimal>> month(int month) {
        if (month < 1 || month > 12) throw new IllegalArgumentException("月份必须在 1 到 12 之间：" + month);
        Map<String, Map<String, BigDecimal>> result = new LinkedHashMap<>(unitCount * 4 / 3 + 1);
        for (int i = 0; i < unitCount; i++) result.put(unitCode(i), values(unitYear(i), month));
        return result;
    }

    /** Walks unit by unit, month 1..12 within each unit; each unit's year is computed once. */
    public void forEachUnitMonth(UnitMonthConsumer consumer) {
        for (int i = 0; i < unitCount; i++) {
            UnitYear y = unitYear(i);
            String code = unitCode(i);
            for (int m = 1; m <= 12; m++) consumer.accept(code, m, values(y, m));
        }
    }

    private static Map<String, BigDecimal> values(UnitYear y, int month) {
        Map<String, BigDecimal> values = new HashMap<>(64);
        values.putAll(y.annual());
        values.putAll(y.month(month));
        return values;
    }
}
