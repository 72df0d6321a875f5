package cn.sanbao.projects;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import cn.sanbao.projects.library.Category;
import cn.sanbao.projects.library.Project;
import cn.sanbao.projects.library.ProjectLibrary;
import cn.sanbao.projects.library.ProjectState;
import cn.sanbao.projects.library.ProjectRepository;
import cn.sanbao.projects.library.ProjectValidator;
import cn.sanbao.projects.library.SanbaoTag;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.projects.review.ReviewResult;
import cn.sanbao.projects.review.ReviewService;
import cn.sanbao.projects.trace.TraceService;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.security.UnitScope;
import cn.sanbao.shared.web.Page;
import cn.sanbao.shared.web.PageRequest;
import cn.sanbao.shared.web.ScreenText;
import cn.sanbao.shared.web.XlsxDownload;
import cn.sanbao.projects.trace.PillarTrace;

/** 项目库, 预算编审 and 追溯 screens. */
@Controller
class LibraryPage {

    private final ProjectRepository store;
    private final ProjectLibrary library;
    private final ReviewService review;
    private final TraceService trace;
    private final RegionTree regions;
    private final UnitScope scope;
    private final ScreenText text;

    LibraryPage(ProjectRepository store, ProjectLibrary library, ReviewService review, TraceService trace, RegionTree regions,
                UnitScope scope, ScreenText text) {
        this.store = store;
        this.library = library;
        this.review = review;
        this.trace = trace;
        this.regions = regions;
        this.scope = scope;
        this.text = text;
    }

    @GetMapping("/projects/library")
    String library(@RequestParam(defaultValue = "2021") int year, @RequestParam(required = false) String unit,
                   @RequestParam(required = false) String tag, @RequestParam(required = false) String state,
                   @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        ProjectRepository.Filter filter = filter(year, unit, tag, state);
        PageRequest request = PageRequest.of(page, size);
        ProjectRepository.Totals totals = store.totals(filter);
        Page<Project> rows = Page.of(store.find(filter, request.offset(), request.size()), request, totals.count());
        model.addAttribute("year", year);
        model.addAttribute("unit", unit);
        model.addAttribute("tag", tag);
        model.addAttribute("state", state);
        model.addAttribute("page", rows);
        model.addAttribute("rows", rows.rows());
        model.addAttribute("count", totals.count());
        model.addAttribute("total", totals.amount());
        model.addAttribute("units", visibleUnits());
        model.addAttribute("tags", SanbaoTag.values());
        model.addAttribute("states", ProjectState.values());
        model.addAttribute("regions", regions);
        return "projects/library";
    }

    /** Every project matching the list's filters (all pages), in the import layout, so it can be edited and imported back. */
    @GetMapping("/projects/library/export")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "2021") int year, @RequestParam(required = false) String unit,
                                  @RequestParam(required = false) String tag, @RequestParam(required = false) String state) {
        List<Project> rows = store.find(filter(year, unit, tag, state), 0, Integer.MAX_VALUE);
        return LibraryApi.xlsx(library.export(rows), "项目库-" + year + ".xlsx");
    }

    /** The chosen unit (checked against the user's scope), or every unit the user may see. */
    private ProjectRepository.Filter filter(int year, String unit, String tag, String state) {
        java.util.Collection<String> units;
        if (unit != null && !unit.isBlank()) {
            scope.require(unit);
            units = List.of(unit);
        } else {
            units = scope.seesAll() ? null : visibleUnits().stream().map(FiscalUnit::code).toList();
        }
        return new ProjectRepository.Filter(year, units, tag, state);
    }

    @PostMapping("/projects/library/import")
    @PreAuthorize("hasRole('ANALYST')")
    String importExcel(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "2021") int year,
                       Authentication auth, RedirectAttributes ra) {
        return Outcome.run(ra, "/projects/library?year=" + year, () -> "项目库已导入（导入批次 #"
                + library.importExcel(ListDemandApi.name(file), ListDemandPage.stream(file), auth.getName()) + "）", null);
    }

    @GetMapping("/projects/library/{id}")
    String project(@PathVariable long id, Model model) {
        Project p = store.get(id);
        scope.require(p.unitCode());
        model.addAttribute("p", p);
        model.addAttribute("unitName", regions.require(p.unitCode()).name());
        if (!model.containsAttribute("form")) model.addAttribute("form", ProjectLibrary.cells(p));
        model.addAttribute("transitions", store.transitions(id));
        model.addAttribute("next", java.util.Arrays.stream(ProjectState.values()).filter(s -> p.state().canMoveTo(s)).toList());
        model.addAttribute("categories", Category.values());
        model.addAttribute("tags", SanbaoTag.values());
        model.addAttribute("columns", ProjectValidator.COLUMNS);
        model.addAttribute("units", visibleUnits());
        model.addAttribute("changes", store.changes(id));
        return "projects/project";
    }

    @PostMapping("/projects/library/{id}")
    @PreAuthorize("hasRole('ANALYST')")
    String update(@PathVariable long id, @RequestParam Map<String, String> cells, Authentication auth, RedirectAttributes ra) {
        cells.remove("_csrf");
        scope.require(store.get(id).unitCode());
        return Outcome.run(ra, "/projects/library/" + id,
                () -> { store.update(id, library.checked(cells, "项目修改"), auth.getName()); return "项目已保存"; },
                () -> ra.addFlashAttribute("form", cells));
    }

    @PostMapping("/projects/library/{id}/state")
    @PreAuthorize("hasRole('ANALYST')")
    String move(@PathVariable long id, @RequestParam String to, @RequestParam(required = false) String note,
                Authentication auth, RedirectAttributes ra) {
        return Outcome.run(ra, "/projects/library/" + id, () -> "项目状态已变为"
                + store.move(id, ProjectState.valueOf(to), auth.getName(), note).state().label(), null);
    }

    @GetMapping("/projects/review")
    String reviews(@RequestParam(defaultValue = "2021") int year, Model model) {
        Map<FiscalUnit, ReviewResult> results = new LinkedHashMap<>();
        for (FiscalUnit u : visibleUnits()) results.put(u, review.review(u.code(), year));
        model.addAttribute("year", year);
        model.addAttribute("results", results);
        return "projects/reviews";
    }

    @GetMapping("/projects/review/{unit}")
    String review(@PathVariable String unit, @RequestParam(defaultValue = "2021") int year, Model model) {
        scope.require(unit);
        model.addAttribute("r", review.review(unit, year));
        model.addAttribute("rules", review.rules());
        return "projects/review";
    }

    @GetMapping("/projects/review/{unit}/export")
    ResponseEntity<byte[]> reviewExcel(@PathVariable String unit, @RequestParam(defaultValue = "2021") int year) {
        scope.require(unit);
        return LibraryApi.xlsx(review.excel(review.review(unit, year)), "预算编审-" + unit + "-" + year + ".xlsx");
    }

    @GetMapping("/projects/trace/{unit}")
    String trace(@PathVariable String unit, @RequestParam(defaultValue = "2021") int year,
                 @RequestParam(defaultValue = "WAGE") String pillar, @RequestParam(required = false) LocalDate upTo,
                 @RequestParam(required = false) String project, @RequestParam(required = false) Integer page,
                 @RequestParam(required = false) Integer size, Model model) {
        scope.require(unit);
        LocalDate date = upTo == null ? LocalDate.of(year, 12, 31) : upTo;
        model.addAttribute("t", trace.pillar(unit, year, pillar(pillar), date));
        model.addAttribute("unitName", regions.require(unit).name());
        model.addAttribute("pillars", Pillar.SANBAO);
        if (project != null) {
            TraceService.ProjectPage pt = trace.projectPage(unit, project, year, date, PageRequest.of(page, size));
            model.addAttribute("pt", pt);
            model.addAttribute("page", pt.payments());
        }
        return "projects/trace";
    }

    /** The trace's tables as .xlsx; with a project chosen, all its payments (not only the page shown). */
    @GetMapping("/projects/trace/{unit}/export")
    ResponseEntity<byte[]> traceExport(@PathVariable String unit, @RequestParam(defaultValue = "2021") int year,
                                       @RequestParam(defaultValue = "WAGE") String pillar, @RequestParam(required = false) LocalDate upTo,
                                       @RequestParam(required = false) String project) {
        scope.require(unit);
        LocalDate date = upTo == null ? LocalDate.of(year, 12, 31) : upTo;
        PillarTrace t = trace.pillar(unit, year, pillar(pillar), date);
        String unitName = regions.require(unit).name();
        TraceService.ProjectTrace pt = project == null ? null : trace.project(unit, project, year, date);
        return XlsxDownload.of(TraceTables.of(t, unitName, pt == null ? null : pt.progress().project().name(),
                pt == null ? null : pt.payments(), text), text.get("projects.trace.heading", unitName, String.valueOf(year), t.pillar().label()) + ".xlsx");
    }

    private static Pillar pillar(String code) {
        Pillar p = Pillar.parseSanbao(code);
        if (p == null) throw new IllegalArgumentException("未知的保障类别“" + code + "”");
        return p;
    }

    private List<FiscalUnit> visibleUnits() {
        return regions.budgetUnits().stream().filter(u -> scope.visible().test(u.code())).toList();
    }
}
