package cn.sanbao.monitoring;

import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import cn.sanbao.engine.Period;
import cn.sanbao.security.UnitScope;

/** 监测结果 screens: the period's ranking and one unit's explanation. */
@Controller
class MonitoringPage {

    private final ResultQueries results;
    private final UnitScope scope;

    MonitoringPage(ResultQueries results, UnitScope scope) {
        this.results = results;
        this.scope = scope;
    }

    /** The landing page depends on the role (see /home). */
    @GetMapping("/")
    String home() {
        return "redirect:/home";
    }

    @GetMapping("/monitoring")
    String ranking(@RequestParam(required = false) String period, Model model) {
        String code = period != null ? Period.parse(period).code() : results.latestPeriod(Period.Type.MONTH).orElse(null);
        model.addAttribute("months", months(code));
        if (code == null) return "monitoring/empty";
        Period p = Period.parse(code);
        ScoringRun run = results.latestRun(p).orElse(null);
        model.addAttribute("period", p);
        if (run == null) return "monitoring/empty";
        List<UnitRanking> rows = results.ranking(run, scope.visible());
        model.addAttribute("run", run);
        model.addAttribute("rows", rows);
        model.addAttribute("counts", results.gradeCounts(rows));
        model.addAttribute("timeProgress", p.timeProgress());
        return "monitoring/ranking";
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
        model.addAttribute("history", results.history(unit, p.year(), Period.Type.MONTH));
        return "monitoring/unit";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    private List<Period> months(String current) {
        int year = current == null ? java.time.LocalDate.now().getYear() : Period.parse(current).year();
        return java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(m -> Period.month(year, m))
                .filter(m -> results.latestRun(m).isPresent()).toList();
    }
}
