package cn.sanbao.projects.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import cn.sanbao.shared.table.ExcelTables;
import cn.sanbao.shared.table.Table;
import cn.sanbao.projects.demand.DemandService;
import cn.sanbao.projects.demand.Estimation;
import cn.sanbao.projects.library.ProjectRepository;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.projects.list.GuaranteeListRepository;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;

/** Runs every {@link ReviewRule} bean on a unit's demand and projects of a year. */
@Service
public class ReviewService {

    private final List<ReviewRule> rules;
    private final DemandService demand;
    private final ProjectRepository projects;
    private final GuaranteeListRepository lists;
    private final RegionTree regions;

    public ReviewService(List<ReviewRule> rules, DemandService demand, ProjectRepository projects, GuaranteeListRepository lists,
                         RegionTree regions) {
        this.rules = List.copyOf(rules);
        this.demand = demand;
        this.projects = projects;
        this.lists = lists;
        this.regions = regions;
    }

    public List<ReviewRule> rules() { return rules; }

    public ReviewContext context(String unitCode, int year) {
        FiscalUnit u = regions.require(unitCode);
        if (u.isConsolidated()) throw new IllegalArgumentException(u.name() + "是汇总单位，预算编审按预算单位进行");
        Estimation e = demand.latest(year).orElse(null);
        Map<String, GuaranteeItem> items = new LinkedHashMap<>();
        lists.current().ifPresent(v -> v.itemsFor(year).forEach(i -> items.put(i.code(), i)));
        return new ReviewContext(unitCode, year, e == null ? List.of() : demand.lines(e.id(), unitCode),
                projects.ofUnit(unitCode, year), items);
    }

    public ReviewResult review(String unitCode, int year) {
        ReviewContext c = context(unitCode, year);
        List<Finding> findings = new ArrayList<>();
        for (ReviewRule r : rules) findings.addAll(r.check(c));
        Long estimationId = demand.latest(year).map(Estimation::id).orElse(null);
        return new ReviewResult(unitCode, regions.require(unitCode).name(), year, estimationId, findings);
    }

    /** The review as a workbook: one row per finding, named by the rule's Chinese name, amounts as numbers. */
    public byte[] excel(ReviewResult r) {
        Table.Builder t = Table.builder("预算编审结果")
                .note(r.unitName() + "（" + r.unitCode() + "）" + r.year() + " 年预算编审结果：" + r.status()
                        + "；依据需求测算 #" + (r.estimationId() == null ? "—" : r.estimationId())
                        + "；硬缺口及无项目需求合计 " + r.gapAmount().toPlainString() + " 元")
                .text("规则").text("单位编码").text("清单项目").text("项目编码").column("金额（元）", Table.Kind.YUAN).text("说明");
        for (Finding f : r.findings())
            t.row(f.ruleName(), f.unitCode(), f.itemCode() == null ? "" : f.itemCode(),
                    f.projectCode() == null ? "" : f.projectCode(), f.amount(), f.reason());
        return ExcelTables.write(t.build());
    }
}
