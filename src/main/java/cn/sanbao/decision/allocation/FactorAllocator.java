package cn.sanbao.decision.allocation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * 转移支付分配 (factor method). Stage 1 covers each unit's hard 三保 gap (不留三保预算缺口); when the pool is
 * smaller than the gaps together, the pool is split in proportion to the gaps. Stage 2 splits what is left
 * by weighted factors: unit share = Σ weight_f ÷ Σ weights × value_f,unit ÷ Σ value_f (a factor that is 0
 * everywhere is shared equally). Amounts are exact until the end, then rounded down to 分; the 分 left
 * go one each to the largest dropped fractions (ties by unit code), so the amounts add up to the pool
 * exactly. Factor contributions are shown rounded half-up to 分 and may differ from the amount by 1 分.
 */
public final class FactorAllocator {

    private static final MathContext MC = new MathContext(40, RoundingMode.HALF_EVEN);

    public record UnitFactors(String unitCode, BigDecimal hardGap, Map<Factor, BigDecimal> values) {
    }

    public record Line(String unitCode, BigDecimal gapCovered, Map<Factor, BigDecimal> contributions,
                       BigDecimal factorAmount, BigDecimal amount) {
    }

    public record Result(BigDecimal pool, BigDecimal gapStage, BigDecimal factorStage, List<Line> lines) {
        public BigDecimal total() { return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add); }
    }

    private FactorAllocator() {
    }

    public static Result allocate(BigDecimal pool, List<UnitFactors> units, Map<Factor, BigDecimal> weights) {
        if (pool.signum() < 0) throw new IllegalArgumentException("转移支付资金池不能为负数");
        Weighting.validate(weights, new ArrayList<>());
        BigDecimal gaps = units.stream().map(u -> u.hardGap().max(BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal gapStage = gaps.min(pool).setScale(2, RoundingMode.DOWN);
        List<BigDecimal> gapExact = new ArrayList<>();
        for (UnitFactors u : units)
            gapExact.add(gaps.signum() == 0 ? BigDecimal.ZERO : u.hardGap().max(BigDecimal.ZERO).multiply(gapStage).divide(gaps, MC));
        List<BigDecimal> gapCents = toCents(units, gapExact, gapStage);
        BigDecimal rest = pool.setScale(2, RoundingMode.DOWN).subtract(gapStage);

        BigDecimal weightSum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<Factor, BigDecimal> totals = new EnumMap<>(Factor.class);
        for (Factor f : weights.keySet())
            totals.put(f, units.stream().map(u -> u.values().getOrDefault(f, BigDecimal.ZERO).max(BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add));
        List<Map<Factor, BigDecimal>> contributions = new ArrayList<>();
        List<BigDecimal> factorExact = new ArrayList<>();
        for (UnitFactors u : units) {
            Map<Factor, BigDecimal> c = new EnumMap<>(Factor.class);
            BigDecimal sum = BigDecimal.ZERO;
            for (Map.Entry<Factor, BigDecimal> w : weights.entrySet()) {
                BigDecimal total = totals.get(w.getKey());
                BigDecimal share = total.signum() == 0 ? BigDecimal.ONE.divide(BigDecimal.valueOf(units.size()), MC)
                        : u.values().getOrDefault(w.getKey(), BigDecimal.ZERO).max(BigDecimal.ZERO).divide(total, MC);
                BigDecimal part = rest.multiply(w.getValue()).multiply(share).divide(weightSum, MC);
                c.put(w.getKey(), part);
                sum = sum.add(part);
            }
            contributions.add(c);
            factorExact.add(sum);
        }
        List<BigDecimal> factorCents = toCents(units, factorExact, units.isEmpty() ? BigDecimal.ZERO : rest);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Map<Factor, BigDecimal> shown = new EnumMap<>(Factor.class);
            contributions.get(i).forEach((f, v) -> shown.put(f, v.setScale(2, RoundingMode.HALF_UP)));
            lines.add(new Line(units.get(i).unitCode(), gapCents.get(i), shown, factorCents.get(i), gapCents.get(i).add(factorCents.get(i))));
        }
        return new Result(pool.setScale(2, RoundingMode.DOWN), gapStage, units.isEmpty() ? BigDecimal.ZERO.setScale(2) : rest, lines);
    }

    /** Largest-remainder rounding to 分 of exact amounts that add up to {@code total}. */
    static List<BigDecimal> toCents(List<UnitFactors> units, List<BigDecimal> exact, BigDecimal total) {
        List<BigDecimal> out = new ArrayList<>();
        BigDecimal used = BigDecimal.ZERO;
        for (BigDecimal e : exact) {
            BigDecimal d = e.setScale(2, RoundingMode.DOWN);
            out.add(d);
            used = used.add(d);
        }
        long left = total.subtract(used).movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < exact.size(); i++) order.add(i);
        order.sort(Comparator.<Integer, BigDecimal>comparing(i -> exact.get(i).subtract(out.get(i))).reversed()
                .thenComparing(i -> units.get(i).unitCode()));
        for (int k = 0; k < left && !order.isEmpty(); k++) {
            int i = order.get(k % order.size());
            out.set(i, out.get(i).add(new BigDecimal("0.01")));
        }
        return out;
    }
}
