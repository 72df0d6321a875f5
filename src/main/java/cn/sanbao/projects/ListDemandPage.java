package cn.sanbao.projects;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import cn.sanbao.projects.demand.DemandService;
import cn.sanbao.projects.demand.Estimation;
import cn.sanbao.projects.demand.ScopeRepository;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.projects.list.GuaranteeListFile;
import cn.sanbao.projects.list.GuaranteeListRepository;
import cn.sanbao.projects.list.ListVersion;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.region.RegionTree;
import cn.sanbao.security.UnitScope;
import cn.sanbao.shared.web.ScreenText;
import cn.sanbao.shared.web.XlsxDownload;
import org.springframework.http.ResponseEntity;

/** 保障清单 and 需求测算 screens. */
@Controller
class ListDemandPage {

    private final GuaranteeListRepository lists;
    private final ScopeRepository scopes;
    private final DemandService demand;
    private final RegionTree regions;
    private final UnitScope scope;
    private final ScreenText text;

    ListDemandPage(GuaranteeListRepository lists, ScopeRepository scopes, DemandService demand, RegionTree regions, UnitScope scope,
                   ScreenText text) {
        this.lists = lists;
        this.scopes = scopes;
        this.demand = demand;
        this.regions = regions;
        this.scope = scope;
        this.text = text;
    }

    @GetMapping("/projects")
    String home() {
        return "redirect:/projects/library";
    }

    @GetMapping("/projects/list")
    String list(@RequestParam(required = false) Long version, @RequestParam(required = false) String edit,
                @RequestParam(required = false) Integer editYear, Model model) {
        ListVersion v = version != null ? lists.version(version) : lists.current().orElse(null);
        model.addAttribute("version", v);
        model.addAttribute("versions", lists.versions());
        model.addAttribute("columns", GuaranteeListFile.COLUMNS);
        Map<String, String> form = new LinkedHashMap<>();
        GuaranteeItem editing = v == null || edit == null ? null : v.items().stream()
                .filter(i -> i.code().equals(edit) && (editYear == null || i.effectiveYear() == editYear)).findFirst().orElse(null);
        if (editing != null) form.putAll(GuaranteeListRepository.cells(editing));
        if (!model.containsAttribute("form")) model.addAttribute("form", form);
        model.addAttribute("editing", editing == null ? null : editing.code() + " " + editing.name() + "（" + editing.effectiveYear() + " 年）");
        model.addAttribute("pillars", Pillar.SANBAO);
        model.addAttribute("bases", cn.sanbao.projects.list.StandardBasis.values());
        model.addAttribute("measures", new java.util.TreeSet<>(lists.measures()));
        return "projects/list";
    }

    @PostMapping("/projects/list/items")
    @PreAuthorize("hasRole('ANALYST')")
    String editItem(@RequestParam Map<String, String> cells, Authentication auth, RedirectAttributes ra) {
        cells.remove("_csrf");
        String back = Outcome.run(ra, "/projects/list", () -> "已保存为清单版本 #" + lists.editItem(cells, auth.getName()),
                () -> ra.addFlashAttribute("form", cells));
        // a rejected edit goes back to the form, with what was typed and each problem beside its field
        if (!ra.getFlashAttributes().containsKey("errors")) return back;
        String year = cells.getOrDefault("effective_year", "").trim();
        return back + "?edit=" + URLEncoder.encode(cells.getOrDefault("code", ""), StandardCharsets.UTF_8)
                + (year.matches("\\d{4}") ? "&editYear=" + year : "") + "#item-form";
    }

    @PostMapping("/projects/list/upload")
    @PreAuthorize("hasRole('ANALYST')")
    String upload(@RequestParam("file") MultipartFile file, Authentication auth, RedirectAttributes ra) {
        return Outcome.run(ra, "/projects/list", () -> "已载入为清单版本 #" + lists.load(ListDemandApi.name(file),
                stream(file), auth.getName(), "上传清单文件 " + ListDemandApi.name(file)), null);
    }

    @GetMapping("/projects/demand")
    String demand(@RequestParam(defaultValue = "2021") int year, @RequestParam(required = false) String unit, Model model) {
        Estimation e = demand.latest(year).orElse(null);
        model.addAttribute("year", year);
        model.addAttribute("estimation", e);
        model.addAttribute("scope", scopes.scope(year));
        model.addAttribute("pillars", Pillar.SANBAO);
        model.addAttribute("regions", regions);
        if (e != null) {
            Map<String, Map<Pillar, BigDecimal>> totals = totals(e);
            model.addAttribute("totals", totals);
            Map<String, BigDecimal> sums = new LinkedHashMap<>();
            totals.forEach((u, t) -> sums.put(u, t.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
            model.addAttribute("sums", sums);
            if (unit != null) {
                scope.require(unit);
                model.addAttribute("unit", regions.require(unit));
                model.addAttribute("lines", demand.lines(e.id(), unit));
                model.addAttribute("items", lists.version(e.listVersionId()).itemsFor(year));
            }
        }
        return "projects/demand";
    }

    /** Pillar totals of the units the user may see. */
    private Map<String, Map<Pillar, BigDecimal>> totals(Estimation e) {
        Map<String, Map<Pillar, BigDecimal>> totals = new LinkedHashMap<>();
        demand.pillarTotals(e.id()).forEach((u, t) -> { if (scope.visible().test(u)) totals.put(u, t); });
        return totals;
    }

    /** The estimation's totals (and the chosen unit's lines) as .xlsx, within the user's scope. */
    @GetMapping("/projects/demand/export")
    ResponseEntity<byte[]> demandExport(@RequestParam(defaultValue = "2021") int year, @RequestParam(required = false) String unit) {
        Estimation e = demand.latest(year).orElseThrow(() -> new java.util.NoSuchElementException(year + " 年尚无需求测算"));
        if (unit != null) scope.require(unit);
        return XlsxDownload.of(DemandTables.of(year, totals(e), regions, unit, unit == null ? null : demand.lines(e.id(), unit), text),
                text.get("projects.demand.heading", String.valueOf(year)) + ".xlsx");
    }

    @PostMapping("/projects/demand/scope")
    @PreAuthorize("hasRole('ANALYST')")
    String scope(@RequestParam("file") MultipartFile file, @RequestParam int year, Authentication auth, RedirectAttributes ra) {
        return Outcome.run(ra, "/projects/demand?year=" + year, () -> "测算口径已导入，修订 #"
                + scopes.importFile(ListDemandApi.name(file), stream(file), lists.measures(), auth.getName()), null);
    }

    @PostMapping("/projects/demand/estimate")
    @PreAuthorize("hasRole('ANALYST')")
    String estimate(@RequestParam int year, Authentication auth, RedirectAttributes ra) {
        return Outcome.run(ra, "/projects/demand?year=" + year, () -> "已完成" + demand.estimate(year, auth.getName()).label(), null);
    }

    @PostMapping("/projects/demand/facts")
    @PreAuthorize("hasRole('ANALYST')")
    String writeFacts(@RequestParam long estimation, @RequestParam int year, Authentication auth, RedirectAttributes ra) {
        return Outcome.run(ra, "/projects/demand?year=" + year, () -> "已写入三保需求，数据修订 #"
                + demand.writeFacts(estimation, auth.getName()) + "。重新运行监测后生效。", null);
    }

    static java.io.InputStream stream(MultipartFile f) {
        try {
            return f.getInputStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
