package cn.sanbao.projects.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import cn.sanbao.projects.demand.DemandService;
import cn.sanbao.projects.demand.Estimation;
import cn.sanbao.projects.library.ProjectStore;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.projects.list.GuaranteeListStore;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;

/** Runs every {@link ReviewRule} bean on a unit's demand and projects of a year. */
@Service
public class ReviewService {

    private final List<ReviewRule> rules;
    private final DemandService demand;
    private final ProjectStore projects;
    private final GuaranteeListStore lists;
    private final RegionTree regions;

    public ReviewService(List<ReviewRule> rules, DemandService demand, ProjectStore projects, GuaranteeListStore lists,
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

    public byte[] excel(ReviewResult r) {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("预算编审结果");
            s.createRow(0).createCell(0).setCellValue(r.unitName() + "（" + r.unitCode() + "）" + r.year() + " 年预算编审结果：" + r.status());
            s.createRow(1).createCell(0).setCellValue("依据需求测算 #" + (r.estimationId() == null ? "—" : r.estimationId())
                    + "；硬缺口及无项目需求合计（元）：" + r.gapAmount().toPlainString());
            String[] cols = {"规则", "规则名称", "单位编码", "清单项目", "项目编码", "金额（元）", "说明"};
            Row h = s.createRow(3);
            for (int i = 0; i < cols.length; i++) h.createCell(i).setCellValue(cols[i]);
            int n = 4;
            for (Finding f : r.findings()) {
                Row row = s.createRow(n++);
                row.createCell(0).setCellValue(f.ruleCode());
                row.createCell(1).setCellValue(f.ruleName());
                row.createCell(2).setCellValue(f.unitCode());
                row.createCell(3).setCellValue(f.itemCode() == null ? "" : f.itemCode());
                row.createCell(4).setCellValue(f.projectCode() == null ? "" : f.projectCode());
                row.createCell(5).setCellValue(f.amount() == null ? "" : f.amount().toPlainString());
                row.createCell(6).setCellValue(f.reason());
            }
            s.setColumnWidth(1, 28 * 256);
            s.setColumnWidth(6, 80 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
