package cn.sanbao.cashwatch;

import cn.sanbao.cashwatch.level.DailyLevels;
import cn.sanbao.cashwatch.level.FloorStreak;
import cn.sanbao.cashwatch.level.LevelRule;
import cn.sanbao.kernel.CashBand;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static cn.sanbao.cashwatch.CashLevelBand.AMPLE;
import static cn.sanbao.cashwatch.CashLevelBand.LOW;
import static cn.sanbao.cashwatch.CashLevelBand.NORMAL;
import static cn.sanbao.cashwatch.CashLevelBand.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

/** The daily rules in plain Java: level, band and the run of days below the floor. */
class LevelRuleTest {

    private final LevelRule rule = new LevelRule(CashBand.DEFAULT); // 0.3 – 0.8

    @Test
    void levelIsBalanceOverATwelfthOfTheAnnualNeed() {
        assertThat(LevelRule.level(new BigDecimal("50000"), new BigDecimal("1200000"))).isEqualByComparingTo("0.50");
        assertThat(LevelRule.monthlyNeed(new BigDecimal("1200000"))).isEqualByComparingTo("100000.00");
        // from the annual figure: 1,000,000 / 12 = 83,333.33 would give 0.3600; the exact quotient is 0.36
        assertThat(LevelRule.level(new BigDecimal("30000"), new BigDecimal("1000000"))).isEqualByComparingTo("0.36");
    }

    @Test
    void noNeedGivesNoLevelAndAnUnknownBand() {
        assertThat(LevelRule.level(new BigDecimal("1"), null)).isNull();
        assertThat(LevelRule.level(new BigDecimal("1"), BigDecimal.ZERO)).isNull();
        assertThat(LevelRule.monthlyNeed(BigDecimal.ZERO)).isNull();
        assertThat(rule.classify(null)).isEqualTo(UNKNOWN);
    }

    @Test
    void exactlyOnTheFloorOrTheUpperBoundIsNormal() {
        assertThat(rule.classify(new BigDecimal("0.29"))).isEqualTo(LOW);
        assertThat(rule.classify(new BigDecimal("0.30"))).isEqualTo(NORMAL);
        assertThat(rule.classify(new BigDecimal("0.80"))).isEqualTo(NORMAL);
        assertThat(rule.classify(new BigDecimal("0.81"))).isEqualTo(AMPLE);
        // the band follows the level as shown: 0.2996 months shows as 0.30 and is normal
        assertThat(rule.classify(LevelRule.level(new BigDecimal("29960"), new BigDecimal("1200000")))).isEqualTo(NORMAL);
    }

    @Test
    void aRunBelowTheFloorEndsOnlyAtADayAtOrAboveIt() {
        FloorStreak s = new FloorStreak();
        assertThat(List.of(s.next(LOW), s.next(LOW), s.next(UNKNOWN), s.next(LOW), s.next(NORMAL), s.next(LOW), s.next(AMPLE), s.next(LOW)))
                .containsExactly(1, 2, 0, 3, 0, 1, 0, 1);
    }

    @Test
    void aMissingDayNeitherCountsNorBreaksTheRun() {
        LocalDate d = LocalDate.of(2021, 12, 1);
        BigDecimal need = new BigDecimal("1200000"); // floor 30,000 元
        List<DayLevel> days = new DailyLevels(rule).of(List.of(
                new DailyLevels.Balance("u", d, new BigDecimal("10000")),
                new DailyLevels.Balance("u", d.plusDays(1), new BigDecimal("10000")),
                // d+2, d+3: weekend, no balance
                new DailyLevels.Balance("u", d.plusDays(4), new BigDecimal("10000"))), (u, y) -> need);
        assertThat(days).extracting(DayLevel::daysBelowFloor).containsExactly(1, 2, 3);
    }

    @Test
    void eachDayUsesTheNeedOfItsOwnYear() {
        LocalDate dec = LocalDate.of(2021, 12, 31);
        List<DayLevel> days = new DailyLevels(rule).of(List.of(
                new DailyLevels.Balance("u", dec, new BigDecimal("50000")),
                new DailyLevels.Balance("u", dec.plusDays(1), new BigDecimal("50000"))),
                (u, y) -> y == 2021 ? new BigDecimal("1200000") : null);
        assertThat(days).extracting(DayLevel::band).containsExactly(NORMAL, UNKNOWN);
        assertThat(days.get(1).monthlyNeed()).isNull();
    }
}
