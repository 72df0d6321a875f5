package cn.sanbao.warnings;

import cn.sanbao.kernel.Period;

import java.util.Optional;

/**
 * A warning rule beside the grade and override rules of {@link WarningRules}, contributed by another module
 * (e.g. 「两个支出」优先 from cn.sanbao.discipline). When it gives a cause for a unit and month, publishing that
 * month warns the unit with this cause added, whatever its grade. A rule that is switched off gives none.
 */
public interface ExtraWarningRule {

    /** Why the unit is warned for this month by this rule, or empty. */
    Optional<String> cause(String unitCode, Period month);
}
