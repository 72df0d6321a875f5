package cn.sanbao.cashwatch.alert;

import java.math.BigDecimal;
import java.time.LocalDate;
import cn.sanbao.cashwatch.CashLevelBand;
import cn.sanbao.cashwatch.DayLevel;

/**
 * Whether a unit's day raises a same-day warning: only for the latest day with any balance (a back-fill of older
 * days must not send old alarms) and only when the level is below the floor.
 */
final class SameDayWarningPolicy {

    private final BigDecimal floor;

    SameDayWarningPolicy(BigDecimal floor) {
        this.floor = floor;
    }

    Decision decide(DayLevel d, LocalDate latestDay) {
        if (!d.day().equals(latestDay))
            return Decision.no("补录 " + d.day() + " 的数据（最新日期为 " + latestDay + "），不补发当日预警");
        if (d.level() == null || d.band() == CashLevelBand.UNKNOWN)
            return Decision.no("没有三保需求，无法计算库款保障水平");
        if (d.band() != CashLevelBand.LOW || d.daysBelowFloor() == 0)
            return Decision.no("库款保障水平 " + CashAlertText.level(d.level()) + " 个月，未低于下限 " + floor.toPlainString());
        return Decision.yes("库款保障水平 " + CashAlertText.level(d.level()) + " 个月，低于下限 " + floor.toPlainString()
                + "，连续 " + d.daysBelowFloor() + " 天");
    }
}
