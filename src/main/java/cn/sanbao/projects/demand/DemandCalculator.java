package cn.sanbao.projects.demand;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.projects.list.StandardBasis;
import cn.sanbao.region.UnitKind;

/**
 * Demand = standard × scope × local share, per item and unit; each line is rounded once to 分
 * (HALF_UP) and pillar and unit totals are sums of the rounded lines, so every total can be
 * re-added by hand from the lines shown.
 */
public final class DemandCalculator {

    private DemandCalculator() {
    }

    /** Lines for one unit; an item whose scope quantity the unit did not report gives no line. */
    public static List<DemandLine> unit(String unitCode, UnitKind kind, List<GuaranteeItem> items,
                                        Function<String, BigDecimal> quantityOfMeasure) {
        List<DemandLine> lines = new ArrayList<>();
        for (GuaranteeItem item : items) {
            BigDecimal q = item.basis() == StandardBasis.FIXED ? BigDecimal.ONE.setScale(2) : quantityOfMeasure.apply(item.scopeMeasure());
            if (q == null) continue;
            BigDecimal share = item.localShare(kind);
            lines.add(new DemandLine(unitCode, item.code(), item.pillar(), item.annualStandard(), q, share, item.demand(q, share)));
        }
        return lines;
    }

    public static Map<Pillar, BigDecimal> byPillar(List<DemandLine> lines) {
        Map<Pillar, BigDecimal> sums = new EnumMap<>(Pillar.class);
        for (Pillar p : Pillar.SANBAO) sums.put(p, BigDecimal.ZERO.setScale(2));
        for (DemandLine l : lines) sums.merge(l.pillar(), l.amount(), BigDecimal::add);
        return sums;
    }
}
