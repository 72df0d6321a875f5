package cn.sanbao.discipline;

import cn.sanbao.kernel.Period;
import cn.sanbao.region.RegionTree;
import cn.sanbao.security.UnitScope;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What the monitoring unit page and the dashboard show of 支出约束监测 (templates call it as
 * {@code @disciplinePanels}); always within the signed-in user's unit scope.
 */
@Component("disciplinePanels")
public class DisciplinePanels {

    /** The unit's check for the month and the months of the year (to that month) in which it was flagged. */
    public record UnitPanel(DisciplineService.UnitCheck check, List<Period> flaggedMonths) {
        public String flaggedMonthLabels() {
            return String.join("、", flaggedMonths.stream().map(Period::label).toList());
        }
    }

    private final DisciplineService discipline;
    private final UnitScope scope;
    private final RegionTree regions;
    private final cn.sanbao.facts.DataItemRepository items;

    DisciplinePanels(DisciplineService discipline, UnitScope scope, RegionTree regions, cn.sanbao.facts.DataItemRepository items) {
        this.items = items;
        this.discipline = discipline;
        this.scope = scope;
        this.regions = regions;
    }

    /** Null for a week, an aggregate unit, a unit outside the scope or without paid data. */
    public UnitPanel unit(String unitCode, Period period) {
        if (period.type() != Period.Type.MONTH || !regions.isBudgetUnit(unitCode) || !scope.visible().test(unitCode)) return null;
        return discipline.twoPriorities(period, unitCode)
                .map(c -> new UnitPanel(c, discipline.flaggedMonths(unitCode, period.year(), period.number()))).orElse(null);
    }

    /** The flagged visible units of a month (empty for a week). */
    public List<DisciplineService.UnitCheck> flagged(Period period) {
        if (period.type() != Period.Type.MONTH) return List.of();
        return discipline.twoPriorities(period, scope.visible()).stream().filter(c -> c.check().flagged()).toList();
    }

    /** The item's Chinese name (its code when unknown). */
    public String itemName(String code) {
        return items.item(code).map(cn.sanbao.facts.DataItem::name).orElse(code);
    }

    public String percent(java.math.BigDecimal rate) { return TwoPriorities.percent(rate); }

    public String level(java.math.BigDecimal level) {
        return level == null ? "无法计算" : level.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
