package cn.sanbao.portrait;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import cn.sanbao.region.RegionTree;
import cn.sanbao.reports.Report;
import cn.sanbao.reports.chart.ChartSpec;
import cn.sanbao.reports.chart.EChartsOption;
import cn.sanbao.reports.format.PdfReportWriter;
import cn.sanbao.security.Roles;
import cn.sanbao.security.UnitScope;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.web.ScreenText;
import cn.sanbao.shared.web.XlsxDownload;
import tools.jackson.databind.json.JsonMapper;

/** 单位画像: one page per unit at /units/{unitCode}, its PDF and its tables as Excel. */
@Controller
class PortraitPage {

    private final PortraitService portraits;
    private final PdfReportWriter pdf;
    private final RegionTree regions;
    private final UnitScope scope;
    private final ScreenText text;
    private final JsonMapper json;

    PortraitPage(PortraitService portraits, PdfReportWriter pdf, RegionTree regions, UnitScope scope, ScreenText text,
                 JsonMapper json) {
        this.portraits = portraits;
        this.pdf = pdf;
        this.regions = regions;
        this.scope = scope;
        this.text = text;
        this.json = json;
    }

    /** The menu entry: the region for analysts and leaders, the user's own unit for a city or county user. */
    @GetMapping("/units")
    String mine(Authentication auth) {
        if (scope.seesAll()) return "redirect:/units/" + regions.root().code();
        return auth.getAuthorities().stream().map(a -> a.getAuthority()).filter(a -> a.startsWith(Roles.SCOPE_PREFIX))
                .map(a -> "redirect:/units/" + a.substring(Roles.SCOPE_PREFIX.length())).findFirst()
                .orElseThrow(() -> new NoSuchElementException("当前用户没有指定单位范围"));
    }

    @GetMapping("/units/{unitCode}")
    String portrait(@PathVariable String unitCode, @RequestParam(required = false) String period, Model model) {
        PortraitData d = portraits.load(unitCode, period);
        Report r = PortraitReport.of(d, text, LocalDateTime.now());
        Map<String, Object> charts = new LinkedHashMap<>();
        for (ChartSpec c : r.charts()) charts.put(c.id(), EChartsOption.of(c));
        model.addAttribute("d", d);
        model.addAttribute("report", r);
        model.addAttribute("casesHeading", PortraitReport.CASES);
        // a county user may not open its city's portrait, so it gets no link there
        model.addAttribute("parentVisible", d.unit().parentCode() != null && scope.visible().test(d.unit().parentCode()));
        List<cn.sanbao.kernel.Period> months = new java.util.ArrayList<>(d.history().keySet());
        java.util.Collections.reverse(months);
        model.addAttribute("months", months);
        model.addAttribute("chartJson", json.writeValueAsString(charts));
        return "portrait/portrait";
    }

    /** A4 PDF with the same charts as the reports (drawn by the reports' writer). */
    @GetMapping("/units/{unitCode}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String unitCode, @RequestParam(required = false) String period) {
        Report r = PortraitReport.of(portraits.load(unitCode, period), text, LocalDateTime.now());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(r) + ".pdf", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(pdf.write(r));
    }

    /** Every table of the page as one workbook, or only the table numbered {@code table} (0 = first on the page). */
    @GetMapping("/units/{unitCode}/export")
    ResponseEntity<byte[]> export(@PathVariable String unitCode, @RequestParam(required = false) String period,
                                  @RequestParam(required = false) Integer table) {
        Report r = PortraitReport.of(portraits.load(unitCode, period), text, LocalDateTime.now());
        List<Table> tables = r.tables();
        if (table == null) return XlsxDownload.of(tables, fileName(r) + ".xlsx");
        if (table < 0 || table >= tables.size())
            throw new IllegalArgumentException("表序号 " + table + " 超出范围（本页共 " + tables.size() + " 张表）");
        return XlsxDownload.of(tables.get(table), fileName(r) + "-" + tables.get(table).title() + ".xlsx");
    }

    private static String fileName(Report r) {
        return "单位画像-" + r.unitName() + "-" + r.period();
    }
}
