package cn.sanbao.cashwatch.alert;

import java.util.Optional;
import cn.sanbao.cashwatch.DayLevel;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.UnitKind;

/**
 * When consecutive days below the floor escalate, and to whom. Once per streak: the streak is named by its first
 * day, so day 4, 5 … of the same streak do not escalate again; a unit that recovers ends the streak and a new fall
 * starts a new one.
 */
final class EscalationPolicy {

    /** Where an escalation goes: a city's contacts ({@code cityCode}), or the province (null) for a city's own level. */
    record Target(String cityCode, String label, String reason) {
        boolean province() {
            return cityCode == null;
        }
    }

    private final int days;

    EscalationPolicy(int days) {
        if (days < 1) throw new IllegalArgumentException("库款连续低于下限升级天数应为正整数，实际为 " + days);
        this.days = days;
    }

    int days() {
        return days;
    }

    Decision decide(DayLevel d, boolean streakEscalated) {
        if (d.daysBelowFloor() < days)
            return Decision.no("连续 " + d.daysBelowFloor() + " 天低于下限，未达到升级天数 " + days);
        if (streakEscalated) return Decision.no("本轮连续低于下限已经升级，不再重复");
        return Decision.yes("连续 " + d.daysBelowFloor() + " 天低于下限，达到升级天数 " + days);
    }

    /** A county (or zone) goes to its city; 市本级 and units directly under the region go to the province. */
    static Target target(FiscalUnit unit, Optional<FiscalUnit> city) {
        boolean county = unit.kind() == UnitKind.COUNTY || unit.kind() == UnitKind.ZONE;
        if (county && city.isPresent())
            return new Target(city.get().code(), city.get().name(), unit.name() + "属" + city.get().name() + "，升级至市级");
        return new Target(null, "自治区", unit.kind() == UnitKind.CITY_LEVEL
                ? unit.name() + "为市级预算，升级至自治区" : unit.name() + "直属自治区，升级至自治区");
    }
}
