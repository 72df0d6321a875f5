package cn.sanbao.engine;

import cn.sanbao.kernel.Period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The formula language: exact decimals, Chinese errors, and a sandbox that only computes. */
class FormulaTest {

    static Map<String, Object> vars(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2)
            m.put((String) kv[i], kv[i + 1] instanceof String s ? new BigDecimal(s) : kv[i + 1]);
        return m;
    }

    static BigDecimal eval(String formula, Object... kv) {
        return Formula.compile(formula).evaluateNumber(vars(kv));
    }

    @Test
    void decimalsAreExact() {
        assertThat(Formula.compile("0.1 + 0.2 == 0.3").evaluateCondition(Map.of())).isTrue();
        assertThat(eval("0.1 + 0.2")).isEqualByComparingTo("0.3");
        // 100,000,000.01 + 200,000,000.02 + 0.07 = 300,000,000.10 to the cent (a double gives ...0.09999999)
        assertThat(eval("a + b + c", "a", "100000000.01", "b", "200000000.02", "c", "0.07"))
                .isEqualByComparingTo("300000000.10");
        // 1,234,567,890.12 × 3 − 0.36 = 3,703,703,670.00 exactly
        assertThat(eval("a * 3 - 0.36", "a", "1234567890.12")).isEqualByComparingTo("3703703670.00");
        // integer literals divide as decimals, not integers: 10 / 4 = 2.5
        assertThat(eval("10 / 4")).isEqualByComparingTo("2.5");
    }

    @Test
    void intermediateResultsKeepFullPrecision() {
        // (1 ÷ 3) × 3 keeps 34 significant digits, 0.999…9 (34 nines), which rounds to 1 at 10 decimals.
        // Earlier every operand was cut to 10 decimals first and this gave 0.9999999999.
        assertThat(eval("a / 3 * 3", "a", "1").setScale(ScoringEngine.VALUE_SCALE, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("1");
        // paid ÷ (budget × T) exactly on schedule in February: 200 ÷ (1200 × 2/12) = 1
        BigDecimal t = Period.month(2021, 2).timeProgress();
        assertThat(eval("paid / (budget * T)", "paid", "200", "budget", "1200", "T", t)
                .setScale(ScoringEngine.VALUE_SCALE, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("1");
    }

    @Test
    void functionsAndTernary() {
        assertThat(eval("max(0, a - b)", "a", "5", "b", "8")).isEqualByComparingTo("0");
        assertThat(eval("min(a, b)", "a", "5", "b", "8")).isEqualByComparingTo("5");
        assertThat(eval("abs(a - b)", "a", "5", "b", "8")).isEqualByComparingTo("3");
        assertThat(eval("d > 0 ? f / d : 1", "d", "0", "f", "7")).isEqualByComparingTo("1");
        assertThat(eval("d > 0 ? f / d : 1", "d", "4", "f", "7")).isEqualByComparingTo("1.75");
        assertThat(Formula.compile("a > 1 && (b < 2 || c == 3)").evaluateCondition(vars("a", "2", "b", "5", "c", "3"))).isTrue();
        assertThat(Formula.compile("!(a >= 1)").evaluateCondition(vars("a", "1"))).isFalse();
        assertThat(Formula.compile("CASH == 'D'").evaluateCondition(Map.of("CASH", "D"))).isTrue();
    }

    @Test
    void divisionByZeroIsAnErrorNotZeroOrInfinity() {
        Formula f = Formula.compile("a / b");
        assertThatThrownBy(() -> f.evaluate(vars("a", "1", "b", "0")))
                .isInstanceOf(Formula.FormulaException.class)
                .hasMessageContaining("除数为零")
                .hasMessageContaining("a / b");
        // 0.00 is zero too, whatever its scale
        assertThatThrownBy(() -> f.evaluate(vars("a", "1", "b", "0.00"))).isInstanceOf(Formula.FormulaException.class);
        assertThatThrownBy(() -> Formula.compile("a % b").evaluate(vars("a", "1", "b", "0")))
                .hasMessageContaining("除数为零");
    }

    @Test
    void nonNumericResultIsReported() {
        assertThatThrownBy(() -> Formula.compile("a > 1").evaluateNumber(vars("a", "2")))
                .isInstanceOf(Formula.FormulaException.class).hasMessageContaining("不是数值");
        assertThatThrownBy(() -> Formula.compile("a + 1").evaluateCondition(vars("a", "2")))
                .isInstanceOf(Formula.FormulaException.class).hasMessageContaining("不是真/假");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a.getClass()",                    // method call
            "'x'.length()",                    // method call on a literal
            "Math.max(1, 2)",                  // static method
            "new('java.io.File', '/etc/passwd')", // object creation
            "a = 1",                           // assignment
            "a += 1",                          // assignment
            "var y = 1",                       // local variable
            "for (i : [1, 2]) { i }",          // loop
            "while (true) { 1 }",              // loop
            "x -> x * 2",                      // lambda
            "function(x) { x }",               // lambda
            "[1, 2]",                          // array literal
            "{'a': 1}",                        // map literal
            "a.class",                         // class access
            "a.class.classLoader",             // class access
            "a.b",                             // property access
            "a['b']",                          // property access by key
            "a ^ 2",                           // XOR, not power
            "a & 1", "a | 1", "~a", "a << 1", "a >> 1"})
    void sandboxRejectsAnythingButArithmeticAtCompileTime(String text) {
        assertThatThrownBy(() -> Formula.compile(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("公式“" + text + "”")
                .hasMessageMatching("(?s).*(不允许|不支持).*");
    }

    @Test
    void unknownFunctionsAreRejectedAtCompileTime() {
        // the sandbox only knows max, min and abs; anything else is named in the message
        assertThatThrownBy(() -> Formula.compile("sqrt(a)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("未知函数“sqrt”");
        assertThatThrownBy(() -> Formula.compile("a + Max(a, 1)")).hasMessageContaining("未知函数“Max”");
        assertThatThrownBy(() -> Formula.compile("size(a)")).hasMessageContaining("未知函数“size”");
        // parentheses after an operator word, a name or a number are no function calls
        assertThat(Formula.compile("not (a > 1) and (b < 2)").variables()).containsExactlyInAnyOrder("a", "b");
        assertThat(Formula.compile("max (a, b) * (c)").variables()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(Formula.compile("L == 'f(x)'").variables()).containsExactly("L");
    }

    @Test
    void wrongArgumentCountsAndUndefinedNamesFailAtEvaluationInChinese() {
        assertThatThrownBy(() -> Formula.compile("max(1, 2, 3)").evaluate(Map.of()))
                .isInstanceOf(Formula.FormulaException.class).hasMessageContaining("无法计算");
        assertThatThrownBy(() -> Formula.compile("a + 1").evaluate(Map.of()))
                .isInstanceOf(Formula.FormulaException.class).hasMessageContaining("无法计算");
    }

    @Test
    void syntaxErrorsAndBlankFormulas() {
        assertThatThrownBy(() -> Formula.compile("a / (b")).hasMessageContaining("语法错误");
        assertThatThrownBy(() -> Formula.compile("a ** 2")).hasMessageContaining("语法错误");
        assertThatThrownBy(() -> Formula.compile("  ")).hasMessageContaining("公式为空");
    }

    @Test
    void operatorCharactersInsideTextAreNotMistakenForBitwiseOperators() {
        assertThat(Formula.compile("L == 'A&B'").evaluateCondition(Map.of("L", "A&B"))).isTrue();
        assertThat(Formula.compile("a >= 1 && b <= 2 || c != 3").variables()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void variablesAreTheNamesReadOnceEachWithoutFunctionsOrLiterals() {
        Formula f = Formula.compile("max(0, revenue_budget * T - revenue_to_date) / fiscal_capacity + revenue_budget * 0");
        assertThat(f.variables()).containsExactlyInAnyOrder("revenue_budget", "T", "revenue_to_date", "fiscal_capacity");
        assertThat(Formula.compile("debt_due > 0 ? funded / debt_due : 1").variables())
                .containsExactlyInAnyOrder("debt_due", "funded");
        assertThat(Formula.compile("CASH == 'D' && count_RED >= 2").variables()).containsExactlyInAnyOrder("CASH", "count_RED");
        assertThat(Formula.compile("0.1 + 0.2").variables()).isEmpty();
        assertThat(Formula.compile("  a + b  ").text()).isEqualTo("a + b");
    }
}
