package cn.sanbao.cashwatch.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import cn.sanbao.cashwatch.DayLevel;
import cn.sanbao.kernel.Money;

/** The short Chinese texts of a cash warning and an escalation (SMS-length; the same text on every channel). */
final class CashAlertText {

    private CashAlertText() {
    }

    static String level(BigDecimal level) {
        return level == null ? "—" : level.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String warningSubject(String unitName, LocalDate day) {
        return unitName + "库款保障水平低于下限（" + day + "）";
    }

    static String warning(String unitName, DayLevel d, BigDecimal floor) {
        return "【库款预警】" + unitName + " " + d.day() + " 日终余额 " + Money.wan(d.balance()) + " 万元，库款保障水平 "
                + level(d.level()) + " 个月，低于下限 " + floor.toPlainString() + "，已连续 " + d.daysBelowFloor()
                + " 天。请及时调度资金，确保三保支出。";
    }

    static String escalationSubject(String unitName, int days) {
        return unitName + "库款保障水平连续 " + days + " 天低于下限（升级）";
    }

    static String escalation(String unitName, DayLevel d, BigDecimal floor, LocalDate streakStart) {
        return "【库款预警升级】" + unitName + "自 " + streakStart + " 起库款保障水平连续 " + d.daysBelowFloor() + " 天低于下限 "
                + floor.toPlainString() + "；" + d.day() + " 日终余额 " + Money.wan(d.balance()) + " 万元，库款保障水平 "
                + level(d.level()) + " 个月。请督促落实资金调度。";
    }
}
