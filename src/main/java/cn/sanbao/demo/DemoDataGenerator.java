package cn.sanbao.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import java.util.HashMap;
import cn.sanbao.kernel.Period;
import cn.sanbao.projects.demo.DemoLibrary;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.region.UnitKind;

/**
 * Deterministic demo data for one fiscal year of the budget units of a region tree: annual plan items,
 * month-end values for months 1..12 and ISO-week values for weekly items. Same seed, same units →
 * identical output. Weekly values are read off the monthly path so weeks and months agree.
 */
public final class DemoDataGenerator {

    public static final long DEFAULT_SEED = 20210101L;
    public static final int YEAR = 2021;

    /** 西吉县 falls behind on wages in spring: the only unit with arrears. */
    public static final String ARREARS_UNIT = "640422";
    public static final List<Integer> ARREARS_MONTHS = List.of(3, 4, 5);
    /** 海原县 runs its treasury almost dry before the Q1 transfers arrive. */
    public static final String LOW_CASH_UNIT = "640522";
    public static final List<Integer> LOW_CASH_MONTHS = List.of(2, 3);

    private final long seed;
    private final List<DemoCatalogue.Unit> units;
    private final List<DemoCatalogue.Item> items;
    /** unit → wage, operation, livelihood demand estimated from the shipped scope data (units without scope: absent). */
    private final Map<String, double[]> demand = new HashMap<>();

    public DemoDataGenerator() { this(DEFAULT_SEED); }

    /** The 28 Ningxia budget units from the classpath region CSV. */
    public DemoDataGenerator(long seed) { this(seed, DemoCatalogue.budgetUnits()); }

    /** Any list of budget units; consolidated kinds (CITY, REGION) are skipped. */
    public DemoDataGenerator(long seed, List<DemoCatalogue.Unit> units) {
        this.seed = seed;
        this.units = units.stream().filter(u -> DemoCatalogue.BUDGET_KINDS.contains(u.kind())).toList();
        this.items = DemoCatalogue.generatedItems();
        Map<String, UnitKind> kinds = new LinkedHashMap<>();
        for (DemoCatalogue.Unit u : this.units) kinds.put(u.code(), UnitKind.valueOf(u.kind()));
        DemoLibrary.demand(kinds).forEach((code, byPillar) -> demand.put(code, new double[] {
                byPillar.get(Pillar.WAGE).doubleValue(), byPillar.get(Pillar.OPERATION).doubleValue(),
                byPillar.get(Pillar.LIVELIHOOD).doubleValue()}));
    }

    public List<DemoCatalogue.Unit> units() { return units; }

    public List<DemoCatalogue.Item> items() { return items; }

    /** The month-level model of one unit, as used by {@link #generate()}. */
    public UnitYear unitYear(DemoCatalogue.Unit unit) {
        long unitSeed = seed * 1_000_003L + unit.code().hashCode();
        return UnitYear.generate(DemoProfiles.of(unit.code(), unit.kind(), seed), unitSeed, demand.get(unit.code()));
    }

    /** All facts: per unit, the year, then months, then weeks; items in catalogue order. */
    public List<DemoFact> generate() {
        List<DemoFact> facts = new ArrayList<>();
        for (DemoCatalogue.Unit unit : units) {
            UnitYear y = unitYear(unit);
            String code = unit.code();
            for (DemoCatalogue.Item item : items) {
                if (item.annual()) facts.add(new DemoFact(code, String.valueOf(YEAR), item.code(), need(y.annual(), item)));
            }
            for (int m = 1; m <= 12; m++) {
                String period = Period.month(YEAR, m).code();
                for (DemoCatalogue.Item item : items) {
                    if (!item.annual()) facts.add(new DemoFact(code, period, item.code(), need(y.month(m), item)));
                }
            }
            SplittableRandom rnd = new SplittableRandom(seed * 7_919L + code.hashCode());
            for (Map.Entry<String, Map<String, BigDecimal>> week : weeks(y, rnd).entrySet()) {
                for (DemoCatalogue.Item item : items) {
                    if (item.weekly()) facts.add(new DemoFact(code, week.getKey(), item.code(), need(week.getValue(), item)));
                }
            }
        }
        return facts;
    }

    /** Weekly values of the weekly items, keyed by week code in order. */
    Map<String, Map<String, BigDecimal>> weeks(UnitYear y, SplittableRandom rnd) {
        Map<String, Map<String, BigDecimal>> result = new LinkedHashMap<>();
        Map<String, BigDecimal> previous = new LinkedHashMap<>();
        LocalDate yearStart = LocalDate.of(YEAR, 1, 1);
        LocalDate yearEnd = LocalDate.of(YEAR, 12, 31);
        BigDecimal prevCash = UnitYear.money(interpolate(y, "cash_balance", Period.week(YEAR, 1).startDate().minusDays(1)));
        for (int w = 1; w <= Period.weeksIn(YEAR); w++) {
            Period week = Period.week(YEAR, w);
            LocalDate end = week.endDate().isAfter(yearEnd) ? yearEnd : week.endDate();
            int month = end.getMonthValue();
            boolean monthEnd = end.getDayOfMonth() == end.lengthOfMonth();
            Map<String, BigDecimal> row = new LinkedHashMap<>();
            for (DemoCatalogue.Item item : items) {
                if (!item.weekly()) continue;
                String code = item.code();
                switch (item.nature()) {
                    case "TO_DATE" -> {
                        // Reported a little behind the straight line inside the month, exact at month end.
                        double lag = monthEnd ? 1.0 : 1 - 0.04 * rnd.nextDouble();
                        double v = interpolate(y, code, end, lag);
                        BigDecimal value = UnitYear.money(v);
                        BigDecimal prev = previous.get(code);
                        row.put(code, prev != null && prev.compareTo(value) > 0 ? prev : value);
                    }
                    case "BALANCE" -> {
                        if (code.equals("cash_balance")) {
                            double v = interpolate(y, code, end) * (monthEnd ? 1 : 1 + UnitYear.noise(rnd, 0.04));
                            row.put(code, UnitYear.money(v));
                        } else {
                            // Arrears and similar stocks hold the level of the month the week ends in.
                            BigDecimal level = y.month(month).get(code);
                            double wobble = level.signum() == 0 || monthEnd ? 1 : 1 + UnitYear.noise(rnd, 0.2);
                            row.put(code, UnitYear.money(level.doubleValue() * wobble));
                        }
                    }
                    case "FLOW" -> { /* filled from the cash path below */ }
                    default -> throw new IllegalStateException("不支持的数据项性质：" + item.nature());
                }
            }
            double plannedOut = 0;
            for (LocalDate d = week.startDate(); !d.isAfter(end); d = d.plusDays(1)) {
                if (d.isBefore(yearStart)) continue;
                plannedOut += y.month(d.getMonthValue()).get("cash_outflow").doubleValue() / d.lengthOfMonth();
            }
            BigDecimal cash = row.get("cash_balance");
            BigDecimal[] flows = UnitYear.flows(prevCash, cash, UnitYear.money(plannedOut * (1 + UnitYear.noise(rnd, 0.15))));
            row.put("cash_inflow", flows[0]);
            row.put("cash_outflow", flows[1]);
            prevCash = cash;
            previous = row;
            result.put(week.code(), row);
        }
        return result;
    }

    private static double interpolate(UnitYear y, String item, LocalDate date) {
        return interpolate(y, item, date, 1.0);
    }

    /** Straight line between the previous month end and this month's end; cumulative items start at 0. */
    private static double interpolate(UnitYear y, String item, LocalDate date, double lag) {
        int m = date.getMonthValue();
        double to = y.month(m).get(item).doubleValue();
        double from = m > 1 ? y.month(m - 1).get(item).doubleValue()
                : item.equals("cash_balance") ? y.openingCash().doubleValue() : 0;
        double f = (double) date.getDayOfMonth() / date.lengthOfMonth() * lag;
        return from + (to - from) * f;
    }

    private static BigDecimal need(Map<String, BigDecimal> values, DemoCatalogue.Item item) {
        BigDecimal v = values.get(item.code());
        if (v == null) throw new IllegalStateException("演示数据未覆盖数据项：" + item.code());
        return v;
    }
}
