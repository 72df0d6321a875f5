package cn.sanbao.reports;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import cn.sanbao.engine.Period;
import cn.sanbao.reports.chart.ChartSpec;
import cn.sanbao.reports.chart.EChartsOption;
import cn.sanbao.region.RegionTree;
import cn.sanbao.security.Roles;
import cn.sanbao.security.UnitScope;
import tools.jackson.databind.json.JsonMapper;

/** 报告 screens: archive list with the generate form, the on-screen preview, and downloads. */
@Controller
class ReportsPage {

    private final ReportService reports;
    private final ReportData data;
    private final RegionTree regions;
    private final UnitScope scope;
    private final JsonMapper json;

    ReportsPage(ReportService reports, ReportData data, RegionTree regions, UnitScope scope, JsonMapper json) {
        this.reports = reports;
        this.data = data;
        this.regions = regions;
        this.scope = scope;
        this.json = json;
    }

    @GetMapping("/reports")
    String list(@RequestParam(required = false) List<Long> generated, Model model) {
        model.addAttribute("entries", reports.list(200));
        model.addAttribute("periods", data.periods().stream().map(Period::parse).toList());
        model.addAttribute("units", regions.all().stream().filter(u -> !u.isRoot() && scope.visible().test(u.code())).toList());
        model.addAttribute("seesAll", scope.seesAll());
        model.addAttribute("generated", generated == null ? List.of() : generated);
        return "reports/list";
    }

    @PostMapping("/reports/generate")
    String generate(@RequestParam ReportKind kind, @RequestParam String period, @RequestParam(required = false) String unit,
                    @RequestParam(required = false) List<ReportFormat> formats) {
        List<Long> ids = reports.generate(kind, Period.parse(period), blankToNull(unit), formats == null ? List.of() : formats);
        return "redirect:/reports?generated=" + String.join(",", ids.stream().map(String::valueOf).toList());
    }

    @GetMapping("/reports/preview")
    String preview(@RequestParam(required = false) ReportKind kind, @RequestParam(required = false) String period,
                   @RequestParam(required = false) String unit, Authentication auth, Model model) {
        String own = ownUnit(auth);
        ReportKind k = kind != null ? kind : scope.seesAll() ? ReportKind.PROVINCE_MONTHLY : ReportKind.UNIT_MONTHLY;
        String u = blankToNull(unit) != null ? unit : own;
        Period p = period != null ? Period.parse(period) : data.periods().stream().map(Period::parse)
                .filter(x -> x.type() == (k == ReportKind.WEEKLY ? Period.Type.WEEK : Period.Type.MONTH)).findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("还没有监测结果，无法预览报告"));
        if (k == ReportKind.WEEKLY && p.type() != Period.Type.WEEK || k != ReportKind.WEEKLY && p.type() != Period.Type.MONTH)
            p = data.periods().stream().map(Period::parse).filter(x -> x.type() == (k == ReportKind.WEEKLY ? Period.Type.WEEK : Period.Type.MONTH))
                    .findFirst().orElse(p);
        Report r = reports.preview(k, p, u);
        Map<String, Object> charts = new LinkedHashMap<>();
        for (ChartSpec c : r.charts()) charts.put(c.id(), EChartsOption.of(c));
        model.addAttribute("report", r);
        model.addAttribute("chartJson", json.writeValueAsString(charts));
        return "reports/preview";
    }

    @GetMapping("/reports/{id}/download")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        ReportArchive.Entry e = reports.entry(id);
        byte[] bytes = reports.download(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(e.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(e.contentType()))
                .body(bytes);
    }

    /** A local user's own unit (the first of its scopes): the default unit of its preview. */
    private static String ownUnit(Authentication auth) {
        if (auth == null) return null;
        return auth.getAuthorities().stream().map(a -> a.getAuthority()).filter(a -> a.startsWith(Roles.SCOPE_PREFIX))
                .map(a -> a.substring(Roles.SCOPE_PREFIX.length())).findFirst().orElse(null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
