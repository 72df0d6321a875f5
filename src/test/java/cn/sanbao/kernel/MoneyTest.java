package cn.sanbao.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void yuanShowInWanWithTwoDecimalsRoundedHalfUp() {
        assertThat(Money.toWan(new BigDecimal("123456.00"))).isEqualTo(new BigDecimal("12.35"));
        assertThat(Money.toWan(new BigDecimal("123449.99"))).isEqualTo(new BigDecimal("12.34"));
        assertThat(Money.wan(new BigDecimal("1234567890.12"))).isEqualTo("123,456.79");
        assertThat(Money.wan(null)).isEqualTo("—");
        assertThat(Money.grouped(new BigDecimal("1234.5"), 0)).isEqualTo("1,235");
        assertThat(Money.toWanOrNull(null)).isNull();
        assertThat(Money.toWanOrNull(new BigDecimal("5000"))).isEqualTo(new BigDecimal("0.50"));
    }

    @Test
    void yuanShowToTheCentWithThousandsSeparators() {
        assertThat(Money.yuan(new BigDecimal("1234567.8"))).isEqualTo("1,234,567.80");
        assertThat(Money.yuan(null)).isEqualTo("—");
    }

    @Test
    void exactConversionsRoundTripToTheCent() {
        BigDecimal yuan = new BigDecimal("1234567.89");
        assertThat(Money.exactWan(yuan).toPlainString()).isEqualTo("123.456789");
        assertThat(Money.fromWan(Money.exactWan(yuan))).isEqualTo(yuan);
        assertThat(Money.fromWan(new BigDecimal("1.5"))).isEqualTo(new BigDecimal("15000.00"));
        assertThatThrownBy(() -> Money.fromWan(new BigDecimal("0.0000001"))).isInstanceOf(ArithmeticException.class);
        assertThat(Money.YUAN_PER_WAN).isEqualByComparingTo("10000");
    }
}
