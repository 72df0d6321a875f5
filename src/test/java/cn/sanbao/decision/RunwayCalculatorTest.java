package cn.sanbao.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import cn.sanbao.kernel.CashBand;
import cn.sanbao.decision.runway.CashMonth;
import cn.sanbao.decision.runway.RunwayCalculator;
import cn.sanbao.decision.runway.RunwayInput;
import cn.sanbao.decision.runway.RunwayProjection;

class RunwayCalculatorTest {

    private final RunwayCalculator calc = new RunwayCalculator(CashBand.DEFAULT);

    /** Jan–Mar: inflow 100, outflow 110 (三保 80, debt 10, other 20); cash 300, 290, 280. */
    private static List<CashMonth> firstQuarter() {
        return List.of(month(2021, 1, 300, 100, 110, 80, 10), month(2021, 2, 290, 100, 110, 80, 10),
                month(2021, 3, 280, 100, 110, 80, 10));
    }

    @Test
    void unitCrossesTheSafeBandInTheMonthWorkedOutByHand() {
        // need 1,320, paid 240: 1,080 left over 9 months = 120 a month; net −50 a month from 280
        RunwayProjection p = calc.project(new RunwayInput("U1", YearMonth.of(2021, 3), firstQuarter(), yuan(1320), yuan(240), Map.of()));
        assertThat(p.averageOutflow()).isEqualByComparingTo("110");
        assertThat(p.months()).hasSize(9);
        assertThat(p.months()).extracting(m -> m.closing().toPlainString())
                .startsWith("230.00", "180.00", "130.00", "80.00", "30.00");
        assertThat(p.months().get(0).sanbaoOutflow()).isEqualByComparingTo("120");
        assertThat(p.months().get(0).otherOutflow()).isEqualByComparingTo("20");
        assertThat(p.months().get(0).debtOutflow()).isEqualByComparingTo("10");
        // July 80 ÷ 110 = 0.7273 still normal; August 30 ÷ 110 = 0.2727 below 0.3
        assertThat(p.months().get(3).level()).isEqualByComparingTo("0.7273");
        assertThat(p.crossing()).isEqualTo(YearMonth.of(2021, 8));
        assertThat(p.monthsToCrossing()).isEqualTo(5);
        assertThat(p.crossesWithin(3)).isFalse();
        assertThat(p.shortfall(CashBand.DEFAULT.low(), 3)).isEqualByComparingTo("0");
        assertThat(p.shortfall(CashBand.DEFAULT.low(), 6)).isEqualByComparingTo("53.00");
    }

    @Test
    void approvedDispatchIsAddedInItsMonthAndMovesTheCrossing() {
        RunwayProjection p = calc.project(new RunwayInput("U1", YearMonth.of(2021, 3), firstQuarter(), yuan(1320), yuan(240),
                Map.of(YearMonth.of(2021, 4), yuan(60))));
        assertThat(p.months().get(0).extra()).isEqualByComparingTo("60");
        assertThat(p.months().get(4).closing()).isEqualByComparingTo("90");
        // September 40 (0.3636) still above the line, October −10 below
        assertThat(p.crossing()).isEqualTo(YearMonth.of(2021, 10));
    }

    @Test
    void remainingNeedIsSpreadToTheCent() {
        List<CashMonth> h = new ArrayList<>();
        for (int m = 1; m <= 9; m++) h.add(month(2021, m, 5000, 100, 100, 0, 0));
        RunwayProjection p = calc.project(new RunwayInput("U2", YearMonth.of(2021, 9), h, yuan(1000), BigDecimal.ZERO, Map.of()));
        assertThat(p.months()).extracting(m -> m.sanbaoOutflow().toPlainString()).containsExactly("333.33", "333.33", "333.34");
    }

    @Test
    void sameMonthLastYearGivesTheSeasonalProfileAndShortYearsRunIntoNextYear() {
        List<CashMonth> h = new ArrayList<>();
        for (int m = 1; m <= 12; m++) h.add(month(2020, m, 1000, m == 1 ? 500 : 100, 100, 60, 0));
        for (int m = 1; m <= 12; m++) h.add(month(2021, m, 1000, 100, 100, 60, 0));
        RunwayProjection p = calc.project(new RunwayInput("U3", YearMonth.of(2021, 12), h, yuan(720), yuan(720), Map.of()));
        // December base: three months into 2022, need ÷ 12 = 60 a month, January inflow as in January 2021
        assertThat(p.months()).extracting(RunwayProjection.Month::month)
                .containsExactly(YearMonth.of(2022, 1), YearMonth.of(2022, 2), YearMonth.of(2022, 3));
        assertThat(p.months().get(0).inflow()).isEqualByComparingTo("100");
        assertThat(p.months().get(0).sanbaoOutflow()).isEqualByComparingTo("60");
        // base December 2020: January 2021 follows January 2020, whose inflow was 500
        RunwayProjection q = calc.project(new RunwayInput("U3", YearMonth.of(2020, 12), h.subList(0, 12), yuan(720), yuan(720), Map.of()));
        assertThat(q.months().get(0).month()).isEqualTo(YearMonth.of(2021, 1));
        assertThat(q.months().get(0).inflow()).isEqualByComparingTo("500");
        List<CashMonth> seasonal = new ArrayList<>(h.subList(0, 12));
        seasonal.add(month(2021, 1, 1000, 100, 100, 60, 0));
        RunwayProjection t = calc.project(new RunwayInput("U3", YearMonth.of(2021, 1), seasonal, yuan(720), yuan(60), Map.of()));
        assertThat(t.months().get(0).inflow()).as("February follows February 2020").isEqualByComparingTo("100");
        seasonal.set(1, month(2020, 2, 1000, 777, 100, 60, 0));
        t = calc.project(new RunwayInput("U3", YearMonth.of(2021, 1), seasonal, yuan(720), yuan(60), Map.of()));
        assertThat(t.months().get(0).inflow()).isEqualByComparingTo("777");
    }

    @Test
    void missingBaseMonthIsRefusedInChinese() {
        assertThatThrownBy(() -> calc.project(new RunwayInput("U4", YearMonth.of(2021, 5), firstQuarter(), yuan(1), yuan(0), Map.of())))
                .hasMessageContaining("缺少 2021-05 的库款数据");
    }

    static CashMonth month(int y, int m, long balance, long in, long out, long sanbao, long debt) {
        return new CashMonth(YearMonth.of(y, m), yuan(balance), yuan(in), yuan(out), yuan(sanbao), yuan(debt));
    }

    static BigDecimal yuan(long v) { return BigDecimal.valueOf(v).setScale(2); }
}
