package cn.sanbao.monitoring;

import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import java.security.Principal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import cn.sanbao.kernel.Period;
import cn.sanbao.security.UnitScope;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.web.Page;
import cn.sanbao.shared.web.PageRequest;
import cn.sanbao.shared.web.ScreenText;
import cn.sanbao.shared.web.XlsxDownload;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** 监测结果 screens: the period's ranking and one unit's explanation; 运行监测 with its progress page. */
@Controller
class MonitoringPage {

    private final ResultRepository results;
    private final UnitScope scope;
    private final JsonMapper json;
    private final MessageSource messages;
    private final ScreenText text;
    private final Formats formats;
    private final ModelRegistry models;
    private final RunJobRepository jobs;
    private final RescoringRepository rescorings;

    MonitoringPage(ResultRepository results, UnitScope scope, JsonMapper json, MessageSource messages, ModelRegistry models,
                   RunJobRepository jobs, ScreenText text, Formats formats, RescoringRepository rescorings) {
        this.rescorings = rescorings;
        this.models = models;
        this.jobs = jobs;
        this.results = results;
        this.scope = scope;
        this.json = json;
        this.messages = messages;
        this.text = text;
        this.formats = formats;
    }

    /** The landing page depends on the role (see /home). */
    @GetMapping("/")
    String home() {
        return "redirect:/home";
    }

    @GetMapping("/monitoring")
    String ranking(@RequestParam(required = false) String period, @RequestParam(required = false) String city,
                   @RequestParam(required = false) String grade, @RequestParam(required = false) Integer page,
                   @RequestParam(required = false) Integer size, Model model) {
        String code = period != null ? Period.parse(period).code() : results.latestPeriod(Period.Type.MONTH).orElse(null);
        model.addAttribute("months", periods(code));
        model.addAttribute("runYear", code == null ? java.time.LocalDate.now().getYear() : Period.parse(code).year());
        model.addAttribute("runVersions", models.all().stream().filter(v -> ModelVersion.PUBLISHED.equals(v.status())).toList());
        if (scope.seesAll()) model.addAttribute("rescorings", rescorings.latest(10));
        if (code == null) return "monitoring/empty";
        Period p = Period.parse(code);
        ScoringRun run = results.latestRun(p).orElse(null);
        model.addAttribute("period", p);
        if (run == null) return "monitoring/empty";
        List<UnitRanking> all = results.ranking(run, scope.visible());
        // the whole period is read in two queries; only one page is rendered (rendering 3,000 rows was the slow part)
        Page<UnitRanking> rows = Page.slice(RankingTable.filter(all, city, grade), PageRequest.of(page, size));
        model.addAttribute("run", run);
        model.addAttribute("page", rows);
        model.addAttribute("rows", rows.rows());
        model.addAttribute("city", city);
        model.addAttribute("grade", grade);
        UnitScope.CityFilter cities = scope.cityFilter();
        model.addAttribute("cityFilter", cities);
        // the department also gets the region itself; a city or county user only the cities of its scope
        model.addAttribute("cities", !scope.seesAll() ? cities.names() : all.stream()
                .filter(r -> r.cityName().isEmpty() || r.cityName().equals(r.unitName()))
                .filter(UnitRanking::consolidated).map(UnitRanking::unitName).toList());
        model.addAttribute("grades", all.stream().map(r -> r.grade() == null ? RankingTable.MISSING + "|" + r.gradeName()
                : r.grade() + "|" + r.gradeName()).distinct().sorted().toList());
        model.addAttribute("counts", results.gradeCounts(all));
        model.addAttribute("timeProgress", p.timeProgress());
        return "monitoring/ranking";
    }

    /** The period's results (every page, with the screen's filters) as .xlsx, within the user's scope. */
    @GetMapping("/monitoring/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String period, @RequestParam(required = false) String city,
                                  @RequestParam(required = false) String grade) {
        Period p = Period.parse(period != null ? period : results.latestPeriod(Period.Type.MONTH)
                .orElseThrow(() -> new NoSuchElementException("暂无监测结果")));
        ScoringRun run = results.latestRun(p).orElseThrow(() -> new NoSuchElementException(p.label() + "尚未运行监测"));
        List<UnitRanking> rows = RankingTable.filter(results.ranking(run, scope.visible()), city, grade);
        String title = text.get("console.monitoring.heading", p.label());
        return XlsxDownload.of(RankingTable.of(title, rows, text), title + ".xlsx");
    }

    /** The unit page's indicator table as .xlsx. */
    @GetMapping("/monitoring/units/{unit}/export")
    ResponseEntity<byte[]> unitExport(@PathVariable String unit, @RequestParam String period) {
        scope.require(unit);
        Period p = Period.parse(period);
        ScoringRun run = results.latestRun(p).orElseThrow(() -> new NoSuchElementException(p.label() + "尚未运行监测"));
        ResultExplanation e = results.explanation(run.id(), unit);
        Table t = IndicatorTable.of(e, p, formats, text);
        return XlsxDownload.of(t, t.title() + ".xlsx");
    }

    @GetMapping("/monitoring/units/{unit}")
    String unit(@PathVariable String unit, @RequestParam String period, Model model) {
        scope.require(unit);
        Period p = Period.parse(period);
        ScoringRun run = results.latestRun(p).orElseThrow(() -> new NoSuchElementException(p.label() + "尚未运行监测"));
        model.addAttribute("period", p);
        model.addAttribute("run", run);
        model.addAttribute("e", results.explanation(run.id(), unit));
        model.addAttribute("moves", results.moves(run, unit, 5));
        model.addAttribute("memberRisks", results.memberRisks(run, unit).orElse(null));
        // the year's course in periods of the same kind as the chosen one (months, or weeks for a week)
        Period.Type type = p.type() == Period.Type.WEEK ? Period.Type.WEEK : Period.Type.MONTH;
        List<UnitCharts.Point> history = new java.util.ArrayList<>();
        results.historyByPeriod(unit, p.year(), type).forEach((at, h) ->
            history.add(new UnitCharts.Point(messages.getMessage(type == Period.Type.WEEK ? "console.unit.weekLabel"
                    : "console.unit.monthLabel", new Object[] {String.valueOf(at.number())}, LocaleContextHolder.getLocale()),
                    at.code(), h.total(), h.grade(), h.gradeName(), h.overrides())));
        ResultExplanation e = (ResultExplanation) model.getAttribute("e");
        model.addAttribute("history", history);
        model.addAttribute("charts", json.writeValueAsString(UnitCharts.of(e, history)));
        // the revision page shows only the units of the user's scope, so every role may follow the link
        model.addAttribute("revisionLinks", true);
        return "monitoring/unit";
    }

    /**
     * 运行监测: the periods come either as a list (the re-run offer after a model is published) or as a
     * year, a frequency and a from..to range from the form; the model is the one in force or a chosen version.
     */
    @PostMapping("/monitoring/runs")
    @PreAuthorize("hasRole('ANALYST')")
    String run(@RequestParam(required = false) String periods, @RequestParam(required = false) Integer year,
               @RequestParam(required = false) Period.Type type, @RequestParam(required = false) Integer from,
               @RequestParam(required = false) Integer to, @RequestParam(required = false) Long model,
               Principal principal, RedirectAttributes flash) {
        try {
            List<Period> chosen;
            if (periods != null && !periods.isBlank()) {
                chosen = java.util.Arrays.stream(periods.split("[,，\\s]+")).filter(p -> !p.isBlank()).map(Period::parse).toList();
            } else {
                if (year == null || type == null || from == null) throw new IllegalArgumentException("请填写年度、频度和起始期间");
                chosen = RunJobRepository.range(year, type, from, to);
            }
            return "redirect:/monitoring/runs/jobs/" + jobs.start(chosen, model, principal.getName()).id();
        } catch (IllegalArgumentException | NoSuchElementException e) {
            flash.addFlashAttribute("runError", "未开始运行：" + e.getMessage());
            return "redirect:/monitoring";
        }
    }

    @GetMapping("/monitoring/runs/jobs/{id}")
    @PreAuthorize("hasRole('ANALYST')")
    String job(@PathVariable long id, Principal principal, Model model) {
        model.addAttribute("job", jobs.job(id, principal.getName()));
        return "monitoring/run-job";
    }

    /** htmx: the progress block, polled every second until the job is finished. */
    @GetMapping("/monitoring/runs/jobs/{id}/status")
    @PreAuthorize("hasRole('ANALYST')")
    String jobStatus(@PathVariable long id, Principal principal, Model model) {
        model.addAttribute("job", jobs.job(id, principal.getName()));
        return "monitoring/run-job :: status";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Months, then weeks, of the year that have a run: two queries. */
    private List<Period> periods(String current) {
        int year = current == null ? java.time.LocalDate.now().getYear() : Period.parse(current).year();
        List<Period> out = new java.util.ArrayList<>(results.latestRuns(year, Period.Type.MONTH).keySet());
        out.addAll(results.latestRuns(year, Period.Type.WEEK).keySet());
        return out;
    }
}
