package cn.sanbao.reports;

import cn.sanbao.monitoring.RunResultRepository;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import cn.sanbao.kernel.Period;
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
    private final RunResultRepository data;
    private final RegionTree regions;
    private final UnitScope scope;
    private final JsonMapper json;

    ReportsPage(ReportService reports, RunResultRepository data, RegionTree regions, UnitScope scope, JsonMapper json) {
        this.reports = reports;
        this.data = data;
        this.regions = regions;
        this.scope = scope;
        this.json = json;
    }

    /**
     * The archive and the generate form. The form opens on the report the user can make (a county its own unit
     * report) and on the newest period of that report's kind; changing the kind reloads the period list.
     */
    @GetMapping("/reports")
    String list(@RequestParam(required = false) List<Long> generated, @RequestParam(required = false) ReportKind kind,
                Model model) {
        model.addAttribute("entries", reports.list(200));
        model.addAttribute("generated", generated == null ? List.of() : generated);
        model.addAttribute("kinds", kinds());
        fields(kind, model);
        return "reports/list";
    }

    /** The period and unit fields for a kind (htmx swaps them in when the kind changes). */
    @GetMapping("/reports/fields")
    String fields(@RequestParam(required = false) ReportKind kind, Model model) {
        ReportKind k = kind != null && kinds().contains(kind) ? kind : kinds().get(0);
        List<Period> periods = periodsOf(k);
        model.addAttribute("kind", k);
        model.addAttribute("periods", periods);
        model.addAttribute("period", periods.isEmpty() ? null : periods.get(0).code());
        model.addAttribute("units", regions.all().stream().filter(u -> !u.isRoot() && scope.visible().test(u.code())).toList());
        return "reports/list :: fields";
    }

    /** With htmx the result (or the reason it failed) replaces the busy notice; without, back to the archive. */
    @PostMapping("/reports/generate")
    String generate(@RequestParam ReportKind kind, @RequestParam String period, @RequestParam(required = false) String unit,
                    @RequestParam(required = false) List<ReportFormat> formats,
                    @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        java.util.function.Supplier<List<Long>> make = () ->
                reports.generate(kind, Period.parse(period), blankToNull(unit), formats == null ? List.of() : formats);
        if (htmx == null) return "redirect:/reports?generated=" + String.join(",", make.get().stream().map(String::valueOf).toList());
        try {
            model.addAttribute("files", make.get().stream().map(reports::entry).toList());
        } catch (IllegalArgumentException | java.util.NoSuchElementException | org.springframework.security.access.AccessDeniedException e) {
            model.addAttribute("failure", e.getMessage());
        }
        return "reports/list :: result";
    }

    /** A county or city user makes unit reports only; the province-wide ones are for those who see everything. */
    private List<ReportKind> kinds() {
        return scope.seesAll() ? List.of(ReportKind.PROVINCE_MONTHLY, ReportKind.UNIT_MONTHLY, ReportKind.WEEKLY)
                : List.of(ReportKind.UNIT_MONTHLY);
    }

    /** Periods with results that the kind reports on (weeks for the weekly report, months otherwise), newest first. */
    private List<Period> periodsOf(ReportKind kind) {
        Period.Type type = kind == ReportKind.WEEKLY ? Period.Type.WEEK : Period.Type.MONTH;
        return data.periods().stream().map(Period::parse).filter(p -> p.type() == type).toList();
    }

    @GetMapping("/reports/preview")
    String preview(@RequestParam(required = false) ReportKind kind, @RequestParam(required = false) String period,
                   @RequestParam(required = false) String unit, Authentication auth, Model model) {
        String own = ownUnit(auth);
        ReportKind k = kind != null ? kind : scope.seesAll() ? ReportKind.PROVINCE_MONTHLY : ReportKind.UNIT_MONTHLY;
        String u = blankToNull(unit) != null ? unit : own;
        List<Period> ofKind = periodsOf(k);
        Period p = period != null ? Period.parse(period) : ofKind.stream().findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("还没有监测结果，无法预览报告"));
        if (!ofKind.isEmpty() && p.type() != ofKind.get(0).type()) p = ofKind.get(0);
        Report r = reports.preview(k, p, u);
        Map<String, Object> charts = new LinkedHashMap<>();
        for (ChartSpec c : r.charts()) charts.put(c.id(), EChartsOption.of(c));
        model.addAttribute("report", r);
        model.addAttribute("chartJson", json.writeValueAsString(charts));
        return "reports/preview";
    }

    @GetMapping("/reports/{id}/download")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        ReportArchiveRepository.Entry e = reports.entry(id);
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
