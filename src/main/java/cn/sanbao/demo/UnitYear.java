package cn.sanbao.demo;

import cn.sanbao.kernel.Pillar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One unit's year at month granularity: annual plan items and month-end values of every monthly item.
 * Stress thresholds below are tuned against the default model bands (SPEC §4) so that the stress of a
 * profile maps roughly onto a grade: &lt; 0.4 平稳, 0.4–0.55 低度, 0.55–0.7 中度, above 高度.
 */
public final class UnitYear {

    /** Month-end cash as a multiple of the unit's cash level: thin before transfers arrive in Q1, wage bonus months. */
    static final double[] CASH_SEASON = {0.75, 0.62, 0.72, 1.10, 1.00, 1.15, 1.00, 0.95, 1.05, 0.95, 1.00, 0.82};
    /** Share of annual revenue collected per month: heavier in Q2 and Q4. */
    static final double[] REVENUE_SEASON = {0.08, 0.06, 0.07, 0.09, 0.10, 0.10, 0.07, 0.07, 0.08, 0.09, 0.09, 0.10};
    /** Share of annual statutory debt service falling due per month: bond maturities cluster at quarter ends. */
    static final double[] DEBT_SEASON = {0.06, 0.06, 0.12, 0.06, 0.06, 0.14, 0.06, 0.06, 0.12, 0.06, 0.06, 0.14};
    /** Other (non-三保) spending per month relative to an even spread: year-end spending rush. */
    static final double[] OTHER_SPEND_SEASON = {0.8, 0.7, 0.9, 1.0, 1.0, 1.1, 0.9, 0.9, 1.0, 1.0, 1.1, 1.6};


    private final Map<String, BigDecimal> annual = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    private final Map<String, BigDecimal>[] months = new Map[12];
    private BigDecimal openingCash;

    private UnitYear() {}

    public Map<String, BigDecimal> annual() { return annual; }

    /** Month-end values of month 1..12 (monthly and monthly-weekly items). */
    public Map<String, BigDecimal> month(int month) { return months[month - 1]; }

    /** Cash at the end of the previous year, the start of the cash identity. */
    public BigDecimal openingCash() { return openingCash; }

    public static UnitYear generate(UnitProfile p, long seed) {
        return generate(p, seed, null);
    }

    /**
     * {@code demandBy}: the unit's 三保 demand (wage, operation, livelihood) in 元 as estimated from its scope, or
     * null to draw it from the profile's capacity. Given, it fixes the unit's size: capacity = demand × the
     * profile's capacity ratio, and every other amount follows from that as before (the random draws are the same,
     * so the story of the year, its ratios and grades, does not depend on where the demand came from).
     */
    public static UnitYear generate(UnitProfile p, long seed, double[] demandBy) {
        SplittableRandom rnd = new SplittableRandom(seed);
        UnitYear y = new UnitYear();
        double base = p.baseStress();

        double cap = p.capacity() * (1 + noise(rnd, 0.03));
        double capRatio = clamp(1.9 - 0.9 * base + noise(rnd, 0.03), 1.06, 1.80);
        double demand = cap / capRatio;
        double wageShare = 0.46 + noise(rnd, 0.03);
        double opShare = 0.16 + noise(rnd, 0.02);
        if (demandBy != null) {
            demand = demandBy[0] + demandBy[1] + demandBy[2];
            cap = demand * capRatio;
        } else {
            demandBy = new double[] {demand * wageShare, demand * opShare, demand * (1 - wageShare - opShare)};
        }
        double cover = 1.03 - 0.1 * base;
        double[] budgetBy = new double[3];
        for (int i = 0; i < 3; i++) budgetBy[i] = demandBy[i] * (cover + noise(rnd, 0.006));
        double budgetOther = cap * (0.08 + 0.04 * rnd.nextDouble());
        double revenueBudget = cap * p.revenueShare() * (1 + noise(rnd, 0.05));
        double tempOpening = cap * (0.05 + 0.10 * rnd.nextDouble());
        double tempTarget = tempOpening * (0.2 + 0.1 * rnd.nextDouble());
        long offCap = Math.round(cap / 1e9 * (250 + 100 * rnd.nextDouble()));
        double hiddenPlan = cap * (0.03 + 0.05 * rnd.nextDouble());
        double debtAnnual = cap * (0.04 + 0.04 * rnd.nextDouble());
        double otherSpendYear = cap * 0.12;

        put(y.annual, "fiscal_capacity", cap);
        for (int i = 0; i < 3; i++) put(y.annual, Pillar.SANBAO.get(i).demandItem(), demandBy[i]);
        for (int i = 0; i < 3; i++) put(y.annual, Pillar.SANBAO.get(i).budgetItem(), budgetBy[i]);
        put(y.annual, Pillar.OTHER_RIGID.budgetItem(), budgetOther);
        put(y.annual, "revenue_budget", revenueBudget);
        put(y.annual, "temp_payment_opening", tempOpening);
        put(y.annual, "temp_payment_target", tempTarget);
        y.annual.put("offstaff_cap", BigDecimal.valueOf(offCap));
        put(y.annual, "hidden_debt_plan", hiddenPlan);
        // Budgets are read back from the rounded values so that monthly ratios use what is stored.
        double demandStored = sum(y.annual, Pillar.demandItems(Pillar.SANBAO));

        double[] paid = new double[4];
        double[] budgets = {budgetBy[0], budgetBy[1], budgetBy[2], budgetOther};
        // Paid on schedule at stress s1, falling 0.2 of schedule per unit of stress beyond it.
        double[] s1 = {0.70, 0.45, 0.50, 0.35};
        double[] slope = {0.08, 0.2, 0.2, 0.2};
        double revenue = 0, revenueSeason = 0, hiddenFunded = 0, debtDue = 0, debtFunded = 0;
        double cashLevel0 = 2.8 - 2.4 * p.stress(1);
        BigDecimal prevCash = money(Math.max(0.4, cashLevel0 * 0.9) * demandStored / 12);
        y.openingCash = prevCash;

        for (int m = 1; m <= 12; m++) {
            double s = p.stress(m);
            double t = m / 12.0;
            Map<String, BigDecimal> row = new LinkedHashMap<>();
            double spent = 0;
            for (int i = 0; i < 4; i++) {
                double pace = 1 + slope[i] * (s1[i] - s) + noise(rnd, 0.004);
                // up to 3 % over the annual budget by year end, as mid-year budget adjustments allow
                double value = Math.max(paid[i], budgets[i] * Math.min(1.03, t * pace));
                spent += value - paid[i];
                paid[i] = value;
            }
            for (int i = 0; i < 4; i++) put(row, Pillar.COUNTED.get(i).paidItem(), paid[i]);

            revenueSeason += REVENUE_SEASON[m - 1];
            double revPerf = 1.05 - 0.12 * s + noise(rnd, 0.01);
            revenue = Math.max(revenue, revenueBudget * revenueSeason * revPerf);
            put(row, "revenue_to_date", revenue);

            double tempPerf = 1.4 - 1.6 * s + noise(rnd, 0.05);
            put(row, "temp_payment_balance", Math.max(0, tempOpening - tempTarget * t * tempPerf));
            long head = Math.round(offCap * (0.9 + 0.2 * s + noise(rnd, 0.008)));
            row.put("offstaff_headcount", BigDecimal.valueOf(head));

            double hidden = Math.max(hiddenFunded, hiddenPlan * t * (1.12 - 0.6 * s + noise(rnd, 0.02)));
            spent += hidden - hiddenFunded;
            hiddenFunded = hidden;
            put(row, "hidden_debt_funded", hiddenFunded);

            debtDue += debtAnnual * DEBT_SEASON[m - 1];
            double debtPerf = Math.min(1.0, 1.0 - 0.3 * (s - 0.65));
            double funded = Math.min(debtDue, Math.max(debtFunded, debtDue * debtPerf));
            spent += funded - debtFunded;
            debtFunded = funded;
            put(row, "debt_service_due", debtDue);
            put(row, "debt_service_funded", debtFunded);

            double level = Double.isNaN(p.cashMonths()[m - 1])
                    ? Math.max(0.35, (2.8 - 2.4 * s) * CASH_SEASON[m - 1] * (1 + noise(rnd, 0.05)))
                    : p.cashMonths()[m - 1];
            BigDecimal cash = money(level * demandStored / 12);
            spent += otherSpendYear / 12 * OTHER_SPEND_SEASON[m - 1] * (1 + noise(rnd, 0.1));
            BigDecimal[] flows = flows(prevCash, cash, money(spent));
            row.put("cash_balance", cash);
            row.put("cash_inflow", flows[0]);
            row.put("cash_outflow", flows[1]);
            prevCash = cash;

            put(row, "wage_arrears", p.wageArrears()[m - 1] * demandBy[0] / 12);
            row.put("livelihood_arrears", money(0));
            y.months[m - 1] = row;
        }
        return y;
    }

    /**
     * Inflow and outflow that take cash from {@code prev} to {@code next} exactly; inflow never falls below
     * a fifth of outflow (transfers and revenue always arrive), outflow grows instead.
     */
    static BigDecimal[] flows(BigDecimal prev, BigDecimal next, BigDecimal plannedOut) {
        BigDecimal out = plannedOut;
        BigDecimal in = next.subtract(prev).add(out);
        BigDecimal minIn = out.divide(BigDecimal.valueOf(5), 2, RoundingMode.HALF_UP);
        if (in.compareTo(minIn) < 0) {
            in = minIn;
            out = prev.add(in).subtract(next);
        }
        return new BigDecimal[] {in, out};
    }

    static BigDecimal money(double yuan) {
        return BigDecimal.valueOf(Math.round(yuan * 100), 2);
    }

    private static void put(Map<String, BigDecimal> map, String item, double yuan) {
        map.put(item, money(yuan));
    }

    private static double sum(Map<String, BigDecimal> map, java.util.List<String> items) {
        BigDecimal total = BigDecimal.ZERO;
        for (String item : items) total = total.add(map.get(item));
        return total.doubleValue();
    }

    static double noise(SplittableRandom rnd, double amplitude) {
        return (rnd.nextDouble() * 2 - 1) * amplitude;
    }

    static double clamp(double v, double lo, double hi) { return Math.max(lo, Math.min(hi, v)); }
}
