package cn.sanbao.cashwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import cn.sanbao.cashwatch.CashLevelBand;
import cn.sanbao.cashwatch.DayLevel;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.UnitKind;

/** The same-day warning and escalation rules, decision and reason, without Spring or a database. */
class CashAlertPoliciesTest {

    static final LocalDate DAY = LocalDate.of(2021, 3, 10);
    static final SameDayWarningPolicy WARN = new SameDayWarningPolicy(new BigDecimal("0.3"));
    static final EscalationPolicy ESCALATE = new EscalationPolicy(3);

    static DayLevel day(LocalDate day, String level, CashLevelBand band, int below) {
        return new DayLevel("640422", day, new BigDecimal("1234567.89"), new BigDecimal("5000000.00"),
                level == null ? null : new BigDecimal(level), band, below);
    }

    @Test
    void aUnitBelowTheFloorOnTheLatestDayIsWarned() {
        Decision d = WARN.decide(day(DAY, "0.25", CashLevelBand.LOW, 2), DAY);
        assertThat(d.act()).isTrue();
        assertThat(d.reason()).isEqualTo("库款保障水平 0.25 个月，低于下限 0.3，连续 2 天");
    }

    @Test
    void aBackFilledOlderDayIsNotWarned() {
        Decision d = WARN.decide(day(DAY.minusDays(5), "0.10", CashLevelBand.LOW, 1), DAY);
        assertThat(d.act()).isFalse();
        assertThat(d.reason()).contains("补录 2021-03-05", "不补发");
    }

    @Test
    void normalIdleAndUnknownLevelsAreNotWarned() {
        assertThat(WARN.decide(day(DAY, "0.30", CashLevelBand.NORMAL, 0), DAY).act()).isFalse();
        assertThat(WARN.decide(day(DAY, "1.20", CashLevelBand.AMPLE, 0), DAY).act()).isFalse();
        Decision unknown = WARN.decide(day(DAY, null, CashLevelBand.UNKNOWN, 0), DAY);
        assertThat(unknown.act()).isFalse();
        assertThat(unknown.reason()).contains("无法计算");
    }

    @Test
    void escalatesOnceTheStreakReachesTheConfiguredDays() {
        assertThat(ESCALATE.decide(day(DAY, "0.2", CashLevelBand.LOW, 2), false).act()).isFalse();
        Decision third = ESCALATE.decide(day(DAY, "0.2", CashLevelBand.LOW, 3), false);
        assertThat(third.act()).isTrue();
        assertThat(third.reason()).isEqualTo("连续 3 天低于下限，达到升级天数 3");
        // the 4th day of the same streak: already escalated
        assertThat(ESCALATE.decide(day(DAY, "0.2", CashLevelBand.LOW, 4), true).act()).isFalse();
        // a missed 3rd day still escalates on the 4th
        assertThat(ESCALATE.decide(day(DAY, "0.2", CashLevelBand.LOW, 4), false).act()).isTrue();
        assertThatThrownBy(() -> new EscalationPolicy(0)).hasMessageContaining("正整数");
    }

    @Test
    void aCountyGoesToItsCityAndACityLevelToTheProvince() {
        FiscalUnit city = new FiscalUnit("640400", "固原市", UnitKind.CITY, "640000", true, 400);
        FiscalUnit xiji = new FiscalUnit("640422", "西吉县", UnitKind.COUNTY, "640400", true, 403);
        FiscalUnit own = new FiscalUnit("640400BJ", "固原市本级", UnitKind.CITY_LEVEL, "640400", false, 401);
        EscalationPolicy.Target county = EscalationPolicy.target(xiji, Optional.of(city));
        assertThat(county.cityCode()).isEqualTo("640400");
        assertThat(county.reason()).isEqualTo("西吉县属固原市，升级至市级");
        EscalationPolicy.Target cityLevel = EscalationPolicy.target(own, Optional.of(city));
        assertThat(cityLevel.province()).isTrue();
        assertThat(cityLevel.reason()).contains("升级至自治区");
    }

    @Test
    void messageTextIsShortChineseWithTheFigures() {
        String text = CashAlertText.warning("西吉县", day(DAY, "0.25", CashLevelBand.LOW, 2), new BigDecimal("0.3"));
        assertThat(text).isEqualTo("【库款预警】西吉县 2021-03-10 日终余额 123.46 万元，库款保障水平 0.25 个月，低于下限 0.3，已连续 2 天。"
                + "请及时调度资金，确保三保支出。");
        assertThat(text.length()).isLessThan(140);
    }
}
