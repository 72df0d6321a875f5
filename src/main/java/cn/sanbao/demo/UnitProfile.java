package cn.sanbao.demo;

import java.util.Arrays;

/**
 * How a synthetic unit behaves over the year. One number, stress (0 = comfortable, 1 = cannot pay),
 * drives every indicator so a profile reads like a story; months may deviate from the base to make a
 * unit worsen or recover.
 *
 * @param capacity       可用财力 in 元 before noise; a unit whose demand is estimated from scope data takes its size from that instead
 * @param revenueShare   own revenue budget ÷ capacity (low = transfer-dependent)
 * @param baseStress     stress behind the annual plan items (capacity ratio, budgets arranged)
 * @param monthStress    stress of months 1..12 (index 0 = January)
 * @param cashMonths     forced month-end cash in months of 三保 need (index 0 = January), NaN = model
 * @param wageArrears    wage arrears as a share of one month's wage demand (index 0 = January)
 */
public record UnitProfile(double capacity, double revenueShare, double baseStress, double[] monthStress,
                          double[] cashMonths, double[] wageArrears) {

    public UnitProfile {
        if (monthStress.length != 12 || cashMonths.length != 12 || wageArrears.length != 12) {
            throw new IllegalArgumentException("月度参数必须为 12 个月");
        }
        monthStress = monthStress.clone();
        cashMonths = cashMonths.clone();
        wageArrears = wageArrears.clone();
    }

    /** Same stress all year. */
    public static UnitProfile steady(double capacity, double revenueShare, double stress) {
        double[] s = new double[12];
        Arrays.fill(s, stress);
        return new UnitProfile(capacity, revenueShare, stress, s, nan(), new double[12]);
    }

    /** Stress moving linearly from {@code from} in January to {@code to} in December. */
    public static UnitProfile drifting(double capacity, double revenueShare, double from, double to) {
        double[] s = new double[12];
        for (int i = 0; i < 12; i++) s[i] = from + (to - from) * i / 11.0;
        return new UnitProfile(capacity, revenueShare, (from + to) / 2, s, nan(), new double[12]);
    }

    /** Copy with stress raised by {@code extra} in months {@code first..last} (1-based, inclusive). */
    public UnitProfile strained(int first, int last, double extra) {
        double[] s = monthStress.clone();
        for (int m = first; m <= last; m++) s[m - 1] += extra;
        return new UnitProfile(capacity, revenueShare, baseStress, s, cashMonths, wageArrears);
    }

    /** Copy with month-end cash forced to {@code months} of 三保 need in the given months. */
    public UnitProfile lowCash(double months, int... monthNumbers) {
        double[] c = cashMonths.clone();
        for (int m : monthNumbers) c[m - 1] = months;
        return new UnitProfile(capacity, revenueShare, baseStress, monthStress, c, wageArrears);
    }

    /** Copy with wage arrears of {@code share} of a month's wage demand in the given months. */
    public UnitProfile withWageArrears(double share, int... monthNumbers) {
        double[] a = wageArrears.clone();
        for (int m : monthNumbers) a[m - 1] = share;
        return new UnitProfile(capacity, revenueShare, baseStress, monthStress, cashMonths, a);
    }

    public double stress(int month) { return monthStress[month - 1]; }

    private static double[] nan() {
        double[] c = new double[12];
        Arrays.fill(c, Double.NaN);
        return c;
    }
}
