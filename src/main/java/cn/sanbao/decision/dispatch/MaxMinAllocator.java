package cn.sanbao.decision.dispatch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * 库款统筹调度: splits (pool − floor kept by the region) among units so that the lowest coverage
 * (amount ÷ shortfall) is as high as possible, never giving a unit more than its cap.
 * <ol>
 * <li>Continuous water level t: each unit gets min(cap, t × shortfall); t is found exactly by
 *     raising it until units hit their caps (a unit without shortfall gets nothing).</li>
 * <li>Amounts are whole money units (分, or 元 with scale 0): each unit starts from the level computed for
 *     the pool less one money unit per claimant, rounded up, and the few money units left then go one at a
 *     time to the uncapped unit with the lowest coverage (ties: larger shortfall, then unit code). This is
 *     the same as handing out the pool 分 by 分 to the worst-covered unit, which maximises the minimum
 *     coverage over all whole-分 allocations.</li>
 * </ol>
 * When every unit is at its cap the rest is not distributed and is reported as kept by the region.
 */
public final class MaxMinAllocator {

    private static final MathContext MC = new MathContext(40, RoundingMode.DOWN);

    public record Claim(String unitCode, BigDecimal shortfall, BigDecimal cap) {
        public Claim {
            if (shortfall.signum() < 0) throw new IllegalArgumentException(unitCode + " 的库款缺口不能为负数");
            if (cap.signum() < 0) throw new IllegalArgumentException(unitCode + " 的调度上限不能为负数");
        }
    }

    public enum Reason { LEVEL, CAPPED, NO_SHORTFALL }

    public record Share(String unitCode, BigDecimal shortfall, BigDecimal cap, BigDecimal amount, Reason reason) {
        /** amount ÷ shortfall; null without shortfall. */
        public BigDecimal coverage() {
            return shortfall.signum() == 0 ? null : amount.divide(shortfall, 6, RoundingMode.HALF_UP);
        }
    }

    public record Result(BigDecimal pool, BigDecimal floor, BigDecimal distributable, BigDecimal allocated,
                         BigDecimal undistributed, BigDecimal waterLevel, List<Share> shares) {
    }

    private MaxMinAllocator() {
    }

    public static Result allocate(BigDecimal pool, BigDecimal floor, List<Claim> claims, int scale) {
        if (pool.signum() < 0 || floor.signum() < 0) throw new IllegalArgumentException("调度资金池和区级留存不能为负数");
        if (floor.compareTo(pool) > 0) throw new IllegalArgumentException("区级留存 " + floor.toPlainString() + " 元大于调度资金池 " + pool.toPlainString() + " 元");
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal distributable = pool.subtract(floor).setScale(scale, RoundingMode.DOWN);
        BigDecimal t = waterLevel(distributable, claims);
        // start below the optimum: the continuous level for (distributable − one unit per claimant), rounded up,
        // gives amounts that every optimal whole-unit allocation also reaches, leaving at most one unit per claimant
        long active = claims.stream().filter(c -> c.shortfall().signum() > 0).count();
        BigDecimal reduced = distributable.subtract(unit.multiply(BigDecimal.valueOf(active))).max(BigDecimal.ZERO);
        BigDecimal start = t == null ? null : waterLevel(reduced, claims);
        BigDecimal[] amounts = new BigDecimal[claims.size()];
        BigDecimal[] caps = new BigDecimal[claims.size()];
        BigDecimal used = BigDecimal.ZERO;
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            caps[i] = c.cap().setScale(scale, RoundingMode.DOWN);
            BigDecimal want = start == null ? caps[i] : c.shortfall().multiply(start, MC).setScale(scale, RoundingMode.CEILING);
            amounts[i] = c.shortfall().signum() == 0 ? BigDecimal.ZERO.setScale(scale) : want.min(caps[i]);
            used = used.add(amounts[i]);
        }
        long left = distributable.subtract(used).divide(unit, 0, RoundingMode.DOWN).longValueExact();
        PriorityQueue<Integer> open = new PriorityQueue<>(Comparator
                .<Integer, BigDecimal>comparing(i -> amounts[i].divide(claims.get(i).shortfall(), MC))
                .thenComparing(i -> claims.get(i).shortfall(), Comparator.reverseOrder())
                .thenComparing(i -> claims.get(i).unitCode()));
        for (int i = 0; i < claims.size(); i++) if (claims.get(i).shortfall().signum() > 0 && amounts[i].compareTo(caps[i]) < 0) open.add(i);
        while (left > 0 && !open.isEmpty()) {
            int i = open.poll();
            amounts[i] = amounts[i].add(unit);
            used = used.add(unit);
            left--;
            if (amounts[i].compareTo(caps[i]) < 0) open.add(i);
        }
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            Reason r = c.shortfall().signum() == 0 ? Reason.NO_SHORTFALL : amounts[i].compareTo(caps[i]) >= 0 ? Reason.CAPPED : Reason.LEVEL;
            shares.add(new Share(c.unitCode(), c.shortfall(), c.cap(), amounts[i], r));
        }
        BigDecimal level = t == null ? null : t.setScale(6, RoundingMode.DOWN);
        return new Result(pool, floor, distributable, used, distributable.subtract(used), level, shares);
    }

    /**
     * The exact level t with Σ min(cap, t × shortfall) = distributable, or null when even all caps together
     * do not reach it (then every unit with a shortfall gets its cap).
     */
    static BigDecimal waterLevel(BigDecimal distributable, List<Claim> claims) {
        List<Claim> active = claims.stream().filter(c -> c.shortfall().signum() > 0).toList();
        BigDecimal capSum = active.stream().map(Claim::cap).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (capSum.compareTo(distributable) <= 0) return null;
        // raise t through the units in order of cap ÷ shortfall: each one reached is fixed at its cap
        List<Claim> byRatio = new ArrayList<>(active);
        byRatio.sort(Comparator.comparing(c -> c.cap().divide(c.shortfall(), MC)));
        BigDecimal fixed = BigDecimal.ZERO;
        BigDecimal shortfalls = active.stream().map(Claim::shortfall).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (Claim c : byRatio) {
            BigDecimal t = distributable.subtract(fixed).divide(shortfalls, MC);
            if (t.compareTo(c.cap().divide(c.shortfall(), MC)) <= 0) return t;
            fixed = fixed.add(c.cap());
            shortfalls = shortfalls.subtract(c.shortfall());
        }
        throw new IllegalStateException("unreachable: caps exceed the distributable amount");
    }
}
