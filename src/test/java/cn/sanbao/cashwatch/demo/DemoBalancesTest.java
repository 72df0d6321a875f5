package cn.sanbao.cashwatch.demo;

import cn.sanbao.cashwatch.DailyBalance;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo daily balances: deterministic, equal to the month's cash balance on its last day, dips where asked. */
class DemoBalancesTest {

    static final LocalDate SEP30 = LocalDate.of(2021, 9, 30), OCT31 = LocalDate.of(2021, 10, 31), NOV30 = LocalDate.of(2021, 11, 30);

    static List<DailyBalance> generate(Set<LocalDate> dips) {
        var known = DemoBalances.known(Map.of(SEP30, new BigDecimal("1000000"), OCT31, new BigDecimal("1500000"),
                NOV30, new BigDecimal("800000")), Map.of(LocalDate.of(2021, 10, 17), new BigDecimal("1200000")));
        return DemoBalances.of("640422", known, SEP30, NOV30, dips, new BigDecimal("10000"));
    }

    @Test
    void everyDayHasAPlausibleBalanceAndMonthEndsEqualTheMonthlyFigure() {
        List<DailyBalance> days = generate(Set.of());
        assertThat(days).hasSize(62);
        assertThat(days).allSatisfy(d -> assertThat(d.balance()).isPositive().isLessThan(new BigDecimal("1700000")));
        assertThat(at(days, OCT31)).isEqualByComparingTo("1500000");
        assertThat(at(days, NOV30)).isEqualByComparingTo("800000");
        assertThat(at(days, LocalDate.of(2021, 10, 17))).isEqualByComparingTo("1200000");
        assertThat(generate(Set.of())).isEqualTo(days); // deterministic
    }

    @Test
    void dipDaysTakeTheDipBalance() {
        Set<LocalDate> dips = Set.of(LocalDate.of(2021, 11, 13), LocalDate.of(2021, 11, 14));
        List<DailyBalance> days = generate(dips);
        assertThat(at(days, LocalDate.of(2021, 11, 13))).isEqualByComparingTo("10000");
        assertThat(at(days, LocalDate.of(2021, 11, 14))).isEqualByComparingTo("10000");
        assertThat(at(days, LocalDate.of(2021, 11, 15))).isGreaterThan(new BigDecimal("100000"));
    }

    static BigDecimal at(List<DailyBalance> days, LocalDate d) {
        return days.stream().filter(b -> b.day().equals(d)).findFirst().orElseThrow().balance();
    }
}
