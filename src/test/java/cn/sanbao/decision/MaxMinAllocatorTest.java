package cn.sanbao.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import cn.sanbao.decision.dispatch.MaxMinAllocator;
import cn.sanbao.decision.dispatch.MaxMinAllocator.Claim;
import cn.sanbao.decision.dispatch.MaxMinAllocator.Reason;
import cn.sanbao.decision.dispatch.MaxMinAllocator.Result;

class MaxMinAllocatorTest {

    @Test
    void worstUnitsAreRaisedFirstAndCapsAreRespected() {
        // shortfalls 100 / 300 / 600, pool 700 minus floor 100 = 600: equal coverage 60 % (60 / 180 / 360)
        Result r = MaxMinAllocator.allocate(yuan(700), yuan(100),
                List.of(claim("A", 100, 1000), claim("B", 300, 1000), claim("C", 600, 1000)), 2);
        assertThat(r.shares()).extracting(s -> s.amount().toPlainString()).containsExactly("60.00", "180.00", "360.00");
        // C capped at 200: the other two share the rest at the same coverage (400 / 400 = 100 %)
        Result capped = MaxMinAllocator.allocate(yuan(700), yuan(100),
                List.of(claim("A", 100, 1000), claim("B", 300, 1000), claim("C", 600, 200)), 2);
        assertThat(capped.shares()).extracting(s -> s.amount().toPlainString()).containsExactly("100.00", "300.00", "200.00");
        assertThat(capped.shares().get(2).reason()).isEqualTo(Reason.CAPPED);
        assertThat(capped.allocated()).isEqualByComparingTo("600.00");
    }

    @Test
    void amountsAddUpToPoolMinusFloorToTheCent() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int run = 0; run < 300; run++) {
            List<Claim> claims = new ArrayList<>();
            int n = 1 + rnd.nextInt(8);
            for (int i = 0; i < n; i++)
                claims.add(new Claim("U" + i, cents(rnd.nextLong(0, 5_000_000_00L)), cents(rnd.nextLong(1, 9_000_000_00L))));
            BigDecimal pool = cents(rnd.nextLong(0, 20_000_000_00L));
            BigDecimal floor = pool.multiply(new BigDecimal("0.1")).setScale(2, RoundingMode.HALF_UP);
            Result r = MaxMinAllocator.allocate(pool, floor, claims, 2);
            BigDecimal sum = r.shares().stream().map(MaxMinAllocator.Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum.add(r.undistributed())).isEqualByComparingTo(pool.subtract(floor));
            assertThat(sum.scale()).isLessThanOrEqualTo(2);
            boolean anyShort = claims.stream().anyMatch(c -> c.shortfall().signum() > 0);
            BigDecimal capSum = claims.stream().filter(c -> c.shortfall().signum() > 0).map(Claim::cap).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (anyShort && capSum.compareTo(pool.subtract(floor)) >= 0) assertThat(r.undistributed()).isEqualByComparingTo("0");
            for (MaxMinAllocator.Share s : r.shares()) assertThat(s.amount()).isBetween(BigDecimal.ZERO, s.cap());
        }
    }

    @Test
    void minimumCoverageEqualsBruteForceOptimumInWholeYuan() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int run = 0; run < 400; run++) {
            int n = 2 + rnd.nextInt(3);
            List<Claim> claims = new ArrayList<>();
            for (int i = 0; i < n; i++) claims.add(new Claim("U" + i, yuan(1 + rnd.nextInt(9)), yuan(rnd.nextInt(10))));
            int pool = rnd.nextInt(16);
            Result r = MaxMinAllocator.allocate(yuan(pool), BigDecimal.ZERO, claims, 0);
            int[] caps = claims.stream().mapToInt(c -> c.cap().intValue()).toArray();
            int[] need = claims.stream().mapToInt(c -> c.shortfall().intValue()).toArray();
            int total = Math.min(pool, java.util.Arrays.stream(caps).sum());
            double best = bruteForce(need, caps, new int[n], 0, total);
            double ours = r.shares().stream().mapToDouble(s -> s.amount().doubleValue() / s.shortfall().doubleValue()).min().orElseThrow();
            assertThat(ours).as("case %d %s pool %d", run, claims, pool).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(r.allocated().intValue()).isEqualTo(total);
        }
    }

    @Test
    void floorAbovePoolIsRefusedInChinese() {
        assertThatThrownBy(() -> MaxMinAllocator.allocate(yuan(10), yuan(20), List.of(claim("A", 1, 1)), 2))
                .hasMessageContaining("区级留存");
    }

    /** Best min coverage over every whole-yuan allocation that uses exactly {@code left} yuan within the caps. */
    private static double bruteForce(int[] need, int[] caps, int[] x, int i, int left) {
        if (i == need.length) {
            if (left != 0) return -1;
            double min = Double.MAX_VALUE;
            for (int k = 0; k < need.length; k++) min = Math.min(min, (double) x[k] / need[k]);
            return min;
        }
        double best = -1;
        for (int v = 0; v <= Math.min(caps[i], left); v++) {
            x[i] = v;
            best = Math.max(best, bruteForce(need, caps, x, i + 1, left - v));
        }
        return best;
    }

    private static Claim claim(String code, long shortfall, long cap) { return new Claim(code, yuan(shortfall), yuan(cap)); }

    private static BigDecimal yuan(long v) { return BigDecimal.valueOf(v).setScale(2); }

    private static BigDecimal cents(long v) { return BigDecimal.valueOf(v, 2); }
}
