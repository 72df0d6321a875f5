package cn.sanbao.projects.review;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import cn.sanbao.projects.demand.DemandLine;
import cn.sanbao.projects.library.Project;
import cn.sanbao.projects.list.GuaranteeItem;

/** What the rules read: one unit's demand lines, its projects of the year and the list in force. */
public record ReviewContext(String unitCode, int year, List<DemandLine> demand, List<Project> projects,
                            Map<String, GuaranteeItem> items) {

    public ReviewContext {
        demand = List.copyOf(demand);
        projects = List.copyOf(projects);
        items = Map.copyOf(items);
    }

    /** Demand per list item (only items with a line). */
    public Map<String, BigDecimal> demandByItem() {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (DemandLine l : demand) m.merge(l.itemCode(), l.amount(), BigDecimal::add);
        return m;
    }

    /** Sum of the amounts of the projects that name the item. */
    public BigDecimal fundedFor(String itemCode) {
        return projects.stream().filter(p -> itemCode.equals(p.itemCode())).map(Project::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public boolean hasProjectFor(String itemCode) {
        return projects.stream().anyMatch(p -> itemCode.equals(p.itemCode()));
    }

    public String itemName(String code) {
        GuaranteeItem i = items.get(code);
        return i == null ? code : i.name();
    }
}
