package cn.sanbao.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

class DecimalsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1234.5           | 1234.5
            '1,234,567.89'   | 1234567.89
            -0               | 0
            -0.00            | 0.00
            +12              | 12
            .5               | 0.5
            １２３．５          | 123.5
            －１２             | -12
            1.2E+10          | 12000000000
            1e3              | 1000
            '  42  '         | 42
            """)
    void acceptsOrdinaryForms(String text, String expected) {
        assertThat(Decimals.parse(text)).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1e308                 | 指数过大
            1e999999999           | 指数过大
            1E-400                | 指数过大
            NaN                   | 不是数字
            Infinity              | 不是数字
            -Infinity             | 不是数字
            0x1F                  | 不是数字
            ١٢٣                   | 不是数字
            1 234                 | 不是数字
            12-3                  | 不是数字
            1..2                  | 不是数字
            ','                   | 不是数字
            e5                    | 不是数字
            1e                    | 不是数字
            =1+2                  | 不是数字
            1234567890123456789   | 数值过大
            0.00000000001         | 小数位过多
            """)
    void refusesWithAChineseReason(String text, String reason) {
        assertThatThrownBy(() -> Decimals.parse(text)).isInstanceOf(Decimals.Invalid.class).hasMessageContaining(reason);
    }

    @Test
    void aMillionDigitNumberIsRefusedAtOnceWithoutParsing() {
        String huge = "9".repeat(1_000_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> Decimals.parse(huge)).hasMessageContaining("数字过长（1000000 个字符，最多 30 个）");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
    }

    @Test
    void alreadyParsedNumbersAreBoundedToo() {
        assertThatThrownBy(() -> Decimals.bounded(new BigDecimal("1E+999999999"), "1E+999999999")).hasMessageContaining("数值过大");
        assertThatThrownBy(() -> Decimals.bounded(BigDecimal.valueOf(1e308), "1e308")).hasMessageContaining("数值过大");
        assertThat(Decimals.bounded(new BigDecimal("-0.0"), "-0.0").signum()).isZero();
    }
}
