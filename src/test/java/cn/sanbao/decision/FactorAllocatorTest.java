package cn.sanbao.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import cn.sanbao.decision.allocation.Factor;
import cn.sanbao.decision.allocation.FactorAllocator;
import cn.sanbao.decision.allocation.FactorAllocator.UnitFactors;
import cn.sanbao.decision.allocation.Weighting;

class FactorAllocatorTest {

    @Test
    void hardGapsAreCoveredFirstThenTheRestFollowsTheWeights() {
        // gaps 100 and 0; rest 900 split 50/50 by population (1:2) and difficulty (1:1)
        List<UnitFactors> units = List.of(unit("A", 100, 1, 1), unit("B", 0, 2, 1));
        FactorAllocator.Result r = FactorAllocator.allocate(yuan(1000), units, weights("POPULATION=1;DIFFICULTY=1"));
        assertThat(r.gapStage()).isEqualByComparingTo("100");
        assertThat(r.factorStage()).isEqualByComparingTo("900");
        // A: 100 + 450 × 1/3 + 450 × 1/2 = 100 + 150 + 225; B: 300 + 225
        assertThat(r.lines()).extracting(l -> l.amount().toPlainString()).containsExactly("475.00", "525.00");
        assertThat(r.lines().get(0).contributions().get(Factor.POPULATION)).isEqualByComparingTo("150");
        assertThat(r.lines().get(0).gapCovered()).isEqualByComparingTo("100");
    }

    @Test
    void aPoolSmallerThanTheGapsIsSplitByGap() {
        List<UnitFactors> units = List.of(unit("A", 300, 1, 1), unit("B", 100, 100, 1));
        FactorAllocator.Result r = FactorAllocator.allocate(yuan(200), units, weights("POPULATION=1"));
        assertThat(r.factorStage()).isEqualByComparingTo("0");
        assertThat(r.lines()).extracting(l -> l.amount().toPlainString()).containsExactly("150.00", "50.00");
    }

    @Test
    void leftoverCentsGoToTheLargestFractions() {
        // 1.00 split three ways equally: 0.33 each and one cent to the first by unit code
        List<UnitFactors> units = List.of(unit("C", 0, 1, 1), unit("A", 0, 1, 1), unit("B", 0, 1, 1));
        FactorAllocator.Result r = FactorAllocator.allocate(yuan(1), units, weights("POPULATION=1"));
        assertThat(r.lines()).extracting(l -> l.amount().toPlainString()).containsExactly("0.33", "0.34", "0.33");
    }

    @Test
    void weightingTextIsCheckedInChinese() {
        assertThatThrownBy(() -> Weighting.parse("GAP=-1;FOO=2")).hasMessageContaining("未知因素“FOO”").hasMessageContaining("不能为负数");
        assertThatThrownBy(() -> Weighting.parse("GAP=0")).hasMessageContaining("至少一个因素的权重须大于 0");
        assertThat(Weighting.parse("三保缺口=0.5;POPULATION=0.5")).containsKeys(Factor.GAP, Factor.POPULATION);
        // the audit log and screens get the weights in words, not the stored codes
        Weighting w = new Weighting(1, "缺口优先", 1, Weighting.parse("GAP=0.7;POPULATION=0.3"));
        assertThat(w.description()).isEqualTo("权重：三保缺口 0.7、常住人口 0.3").doesNotContain("GAP", "POPULATION");
    }

    @Property(tries = 300)
    void amountsAddUpToThePoolToTheCentAndCoverGapsFirst(@ForAll @LongRange(min = 0, max = 100_000_000_000L) long poolCents,
                                                          @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 5_000_000_000L) Long> gaps,
                                                          @ForAll @IntRange(min = 0, max = 9) int w1, @ForAll @IntRange(min = 1, max = 9) int w2) {
        List<UnitFactors> units = new ArrayList<>();
        for (int i = 0; i < gaps.size(); i++) {
            Map<Factor, BigDecimal> v = new EnumMap<>(Factor.class);
            v.put(Factor.GAP, BigDecimal.valueOf(gaps.get(i), 2));
            v.put(Factor.POPULATION, BigDecimal.valueOf(1000L + 7919L * i % 1000));
            units.add(new UnitFactors("U" + (100 + i), BigDecimal.valueOf(gaps.get(i), 2), v));
        }
        BigDecimal pool = BigDecimal.valueOf(poolCents, 2);
        FactorAllocator.Result r = FactorAllocator.allocate(pool, units, weights("GAP=" + w1 + ";POPULATION=" + w2));
        assertThat(r.total()).isEqualByComparingTo(pool);
        BigDecimal gapSum = units.stream().map(UnitFactors::hardGap).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (int i = 0; i < units.size(); i++) {
            FactorAllocator.Line l = r.lines().get(i);
            assertThat(l.amount().scale()).isLessThanOrEqualTo(2);
            if (pool.compareTo(gapSum) >= 0) assertThat(l.gapCovered()).isEqualByComparingTo(units.get(i).hardGap());
            assertThat(l.amount()).isGreaterThanOrEqualTo(l.gapCovered());
        }
    }

    private static UnitFactors unit(String code, long gap, long population, long difficulty) {
        Map<Factor, BigDecimal> v = new EnumMap<>(Factor.class);
        v.put(Factor.GAP, yuan(gap));
        v.put(Factor.POPULATION, BigDecimal.valueOf(population));
        v.put(Factor.DIFFICULTY, BigDecimal.valueOf(difficulty));
        return new UnitFactors(code, yuan(gap), v);
    }

    private static Map<Factor, BigDecimal> weights(String text) { return Weighting.parse(text); }

    private static BigDecimal yuan(long v) { return BigDecimal.valueOf(v).setScale(2); }
}
