package cn.sanbao.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Interval notation as analysts write it in band ranges. */
class IntervalTest {

    static boolean in(String interval, String value) {
        return Interval.parse(interval).contains(new BigDecimal(value));
    }

    @Test
    void bracketsIncludeParenthesesExclude() {
        Interval i = Interval.parse("[1.2, 1.5)");
        assertThat(i.lower()).isEqualByComparingTo("1.2");
        assertThat(i.lowerInclusive()).isTrue();
        assertThat(i.upper()).isEqualByComparingTo("1.5");
        assertThat(i.upperInclusive()).isFalse();
        // [1.2, 1.5): 1.2 in, 1.5 out, one step either side
        assertThat(in("[1.2, 1.5)", "1.2")).isTrue();
        assertThat(in("[1.2, 1.5)", "1.1999999999")).isFalse();
        assertThat(in("[1.2, 1.5)", "1.4999999999")).isTrue();
        assertThat(in("[1.2, 1.5)", "1.5")).isFalse();
        // (1, 1.05]: 1 out, 1.05 in
        assertThat(in("(1, 1.05]", "1")).isFalse();
        assertThat(in("(1, 1.05]", "1.0000000001")).isTrue();
        assertThat(in("(1, 1.05]", "1.05")).isTrue();
        assertThat(in("(1, 1.05]", "1.0500000001")).isFalse();
        // the scale does not matter: 1.50 is 1.5
        assertThat(in("[1.5, 2]", "1.50")).isTrue();
    }

    @Test
    void infiniteBoundsInEveryWriting() {
        for (String s : new String[]{"[1.5, +inf)", "[1.5, inf)", "[1.5, INF)", "[1.5, ∞)", "[1.5, +∞)"}) {
            Interval i = Interval.parse(s);
            assertThat(i.upper()).as(s).isNull();
            assertThat(i.contains(new BigDecimal("1E+20"))).as(s).isTrue();
            assertThat(i.contains(new BigDecimal("1.5"))).as(s).isTrue();
        }
        Interval below = Interval.parse("(-∞, 0)");
        assertThat(below.lower()).isNull();
        assertThat(below.contains(new BigDecimal("-1E+20"))).isTrue();
        assertThat(below.contains(BigDecimal.ZERO)).isFalse();
        // a bracket on an infinite end is accepted and means the same as a parenthesis
        assertThat(Interval.parse("[-inf, 0]")).isEqualTo(Interval.parse("(-inf, 0]"));
        assertThat(Interval.parse("(-inf, +inf)").contains(BigDecimal.ZERO)).isTrue();
    }

    @Test
    void percentBoundsAreDividedByHundred() {
        Interval i = Interval.parse("[95%, 100%)");
        assertThat(i.lower()).isEqualByComparingTo("0.95");
        assertThat(i.upper()).isEqualByComparingTo("1");
        assertThat(i.contains(new BigDecimal("0.95"))).isTrue();
        assertThat(i.contains(new BigDecimal("1.00"))).isFalse();
        assertThat(Interval.parse("(2.5%, 5%]").lower()).isEqualByComparingTo("0.025");
    }

    @Test
    void singlePointAndSpacing() {
        assertThat(in("[0, 0]", "0.0000000000")).isTrue();
        assertThat(in("[0, 0]", "0.0000000001")).isFalse();
        assertThat(Interval.parse("  [ 1 ,2 ]  ")).isEqualTo(Interval.parse("[1, 2]"));
        assertThat(Interval.parse("[1.20, 1.5)").toString()).isEqualTo("[1.20, 1.5)");
        assertThat(Interval.parse("(-∞, 0.9)").toString()).isEqualTo("(-inf, 0.9)");
    }

    @Test
    void badIntervalsAreRejectedInChinese() {
        assertThatThrownBy(() -> Interval.parse("[1.5; 2)")).hasMessageContaining("格式错误");
        assertThatThrownBy(() -> Interval.parse("1.5, 2")).hasMessageContaining("格式错误");
        assertThatThrownBy(() -> Interval.parse(null)).hasMessageContaining("格式错误");
        assertThatThrownBy(() -> Interval.parse("[a, 2)")).hasMessageContaining("不是数字");
        assertThatThrownBy(() -> Interval.parse("[2, 1)")).hasMessageContaining("下限必须小于上限");
        assertThatThrownBy(() -> Interval.parse("[1, 1)")).hasMessageContaining("单点区间");
        assertThatThrownBy(() -> Interval.parse("(1, 1]")).hasMessageContaining("单点区间");
    }

    @Test
    void overlapsAtSharedEdgesOnlyWhenBothIncludeIt() {
        // [1, 1.5) and [1.5, inf) touch at 1.5 but only the second contains it
        assertThat(Interval.parse("[1, 1.5)").overlaps(Interval.parse("[1.5, +inf)"))).isFalse();
        assertThat(Interval.parse("[1, 1.5]").overlaps(Interval.parse("(1.5, +inf)"))).isFalse();
        assertThat(Interval.parse("[1, 1.5]").overlaps(Interval.parse("[1.5, +inf)"))).isTrue();
        assertThat(Interval.parse("[1, 1.5)").overlaps(Interval.parse("(1.5, 2)"))).isFalse();
        // symmetric
        assertThat(Interval.parse("[1.5, +inf)").overlaps(Interval.parse("[1, 1.5]"))).isTrue();
        // nested and infinite
        assertThat(Interval.parse("(-inf, +inf)").overlaps(Interval.parse("[0, 0]"))).isTrue();
        assertThat(Interval.parse("[0, 10]").overlaps(Interval.parse("[2, 3)"))).isTrue();
        assertThat(Interval.parse("(-inf, 0)").overlaps(Interval.parse("[0, 0]"))).isFalse();
        assertThat(Interval.parse("(-inf, 0]").overlaps(Interval.parse("[0, 0]"))).isTrue();
        assertThat(Interval.parse("(-inf, 1)").overlaps(Interval.parse("(-inf, -5)"))).isTrue();
    }
}
