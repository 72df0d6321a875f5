package cn.sanbao.cashwatch.demo;

import cn.sanbao.cashwatch.DailyBalance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Deterministic daily balances for the demo: between two known balances (month ends, week ends) the balance moves
 * along the straight line with a bounded day-to-day swing that vanishes at the known days, so every month-end day
 * equals that month's cash_balance. Chosen units dip below the floor on days that are not month ends.
 */
final class DemoBalances {

    /** Swing of a day between two known balances: at most this share of the larger one. */
    private static final double SWING = 0.08;

    private DemoBalances() {
    }

    /**
     * @param known     the unit's known balances by day (month-end and week-end days), 元
     * @param from      first day to generate (a known day at or before it anchors the line)
     * @param to        last day to generate
     * @param dipDays   days on which the balance is set to {@code dipBalance}
     */
    static List<DailyBalance> of(String unitCode, NavigableMap<LocalDate, BigDecimal> known, LocalDate from, LocalDate to,
                                 Set<LocalDate> dipDays, BigDecimal dipBalance) {
        List<DailyBalance> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            BigDecimal v;
            if (dipDays.contains(d)) v = dipBalance; // the caller keeps dips off month ends
            else if (known.containsKey(d)) v = known.get(d);
            else v = between(unitCode, d, known.floorEntry(d), known.ceilingEntry(d));
            if (v != null) out.add(new DailyBalance(unitCode, d, v.setScale(2, RoundingMode.HALF_UP), null));
        }
        return out;
    }

    private static BigDecimal between(String unitCode, LocalDate d, Map.Entry<LocalDate, BigDecimal> a, Map.Entry<LocalDate, BigDecimal> b) {
        if (a == null && b == null) return null;
        if (a == null) return b.getValue();
        if (b == null) return a.getValue();
        double span = ChronoUnit.DAYS.between(a.getKey(), b.getKey());
        double t = ChronoUnit.DAYS.between(a.getKey(), d) / span;
        double va = a.getValue().doubleValue(), vb = b.getValue().doubleValue();
        double r = new Random(unitCode.hashCode() * 31L + d.toEpochDay()).nextDouble() * 2 - 1;
        double v = va + (vb - va) * t + SWING * Math.max(va, vb) * Math.sin(Math.PI * t) * r;
        return BigDecimal.valueOf(Math.max(0, v));
    }

    /** Known balances from facts: (period end day → balance); a month's value wins over a week ending the same day. */
    static NavigableMap<LocalDate, BigDecimal> known(Map<LocalDate, BigDecimal> months, Map<LocalDate, BigDecimal> weeks) {
        NavigableMap<LocalDate, BigDecimal> all = new TreeMap<>(weeks);
        all.putAll(months);
        return all;
    }
}
