package cn.sanbao.engine;

import static cn.sanbao.engine.FormulaTest.eval;
import static cn.sanbao.engine.FormulaTest.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Model format v2 in formulas: rounding as published methods print, has(x), unit attributes, no null. */
class FormulaV2Test {

    @Test
    void roundIsHalfUpLikeExcel() {
        assertThat(eval("round(a, 2)", "a", "2.345")).isEqualByComparingTo("2.35");
        assertThat(eval("round(a, 2)", "a", "-2.345")).isEqualByComparingTo("-2.35"); // Excel: away from zero
        assertThat(eval("round(a, 0)", "a", "2.5")).isEqualByComparingTo("3");        // not banker's 2
        assertThat(eval("round(a / b, 4)", "a", "1", "b", "3")).isEqualByComparingTo("0.3333");
        assertThat(eval("floor(a)", "a", "-2.5")).isEqualByComparingTo("-3");
        assertThat(eval("ceil(a)", "a", "2.01")).isEqualByComparingTo("3");
        assertThatThrownBy(() -> eval("round(a, 99)", "a", "1")).isInstanceOf(Formula.FormulaException.class);
    }

    @Test
    void hasAsksWhetherAValueIsThereWithoutMakingItMissing() {
        Formula f = Formula.compile("has(debt) ? debt / revenue : 0");
        assertThat(f.variables()).containsExactlyInAnyOrder("debt", "revenue");
        assertThat(f.presenceChecks()).containsExactly("debt");
        assertThat(f.evaluateNumber(vars("revenue", "4"))).isEqualByComparingTo("0");
        assertThat(f.evaluateNumber(vars("debt", "1", "revenue", "4"))).isEqualByComparingTo("0.25");
        assertThat(Formula.compile("!has(x)").evaluateCondition(vars())).isTrue();
    }

    @Test
    void comparingWithNullIsRejectedWithAdvice() {
        for (String text : new String[] {"x == null", "x != null", "null == x", "x eq null ? 1 : 0"})
            assertThatThrownBy(() -> Formula.compile(text)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("与 null 比较").hasMessageContaining("has(x)").hasMessageContaining("missing");
        // the word inside a text literal is no comparison with null
        assertThat(Formula.compile("unit.kind == 'null'").unitAttributes()).containsExactly("kind");
    }

    @Test
    void unitAttributesAreReadByName() {
        Formula f = Formula.compile("unit.kind == \"县\" && unit.民族地区 == '是' ? 1 : 2");
        assertThat(f.unitAttributes()).containsExactlyInAnyOrder("kind", "民族地区");
        assertThat(f.variables()).isEmpty();
        Map<String, Object> v = new HashMap<>();
        v.put(Formula.UNIT, Map.of("kind", "县", "民族地区", "是"));
        assertThat(f.evaluateNumber(v)).isEqualByComparingTo("1");
        v.put(Formula.UNIT, Map.of("kind", "区", "民族地区", "是"));
        assertThat(f.evaluateNumber(v)).isEqualByComparingTo("2");
        assertThatThrownBy(() -> Formula.compile("unit > 1")).hasMessageContaining("unit.属性名");
        assertThatThrownBy(() -> Formula.compile("a.b > 1")).hasMessageContaining("不允许访问属性");
    }
}
