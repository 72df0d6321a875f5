package cn.sanbao.decision.runway;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import cn.sanbao.kernel.Period;
import cn.sanbao.monitoring.ResultRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.security.UnitScope;
import cn.sanbao.shared.web.ScreenText;
import cn.sanbao.shared.web.XlsxDownload;
import org.springframework.http.ResponseEntity;

/** 库款预测 screens: the list of visible units (crossing within three months first) and one unit's projection. */
@Controller
public class RunwayPage {

    public static final int ALERT_MONTHS = 3;

    private final RunwayService runway;
    private final RegionTree regions;
    private final UnitScope scope;
    private final ResultRepository results;
    private final JsonMapper json;
    private final ScreenText text;

    public RunwayPage(RunwayService runway, RegionTree regions, UnitScope scope, ResultRepository results, JsonMapper json,
                      ScreenText text) {
        this.results = results;
        this.json = json;
        this.text = text;
        this.runway = runway;
        this.regions = regions;
        this.scope = scope;
    }

    /** A row of the list: projection with known dispatch, and the crossing month it would have without. */
    public record Row(FiscalUnit unit, RunwayProjection projection, YearMonth crossingWithout) {
        public boolean alert() { return projection.crossesWithin(ALERT_MONTHS); }
        public boolean lifted() { return crossingWithout != null && !alert(); }
    }

    @GetMapping("/decision/runway")
    String list(@RequestParam(required = false) String month, @RequestParam(required = false) Integer year, Model model) {
        YearMonth base = base(month, year);
        List<Row> rows = rows(base);
        model.addAttribute("base", base);
        model.addAttribute("months", months(base.getYear()));
        model.addAttribute("rows", rows);
        model.addAttribute("alerts", rows.stream().filter(Row::alert).toList());
        model.addAttribute("band", runway.band());
        return "decision/runway";
    }

    /** The visible units (alerts first), as on the screen. */
    private List<Row> rows(YearMonth base) {
        Map<String, YearMonth> without = new HashMap<>();
        for (RunwayProjection p : runway.projectAll(base, scope.visible(), false))
            if (p.crossesWithin(ALERT_MONTHS)) without.put(p.unitCode(), p.crossing());
        List<Row> rows = new ArrayList<>();
        for (RunwayProjection p : runway.projectAll(base, scope.visible()))
            rows.add(new Row(regions.require(p.unitCode()), p, without.get(p.unitCode())));
        rows.sort((a, b) -> Boolean.compare(b.alert(), a.alert()));
        return rows;
    }

    @GetMapping("/decision/runway/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String month, @RequestParam(required = false) Integer year) {
        YearMonth base = base(month, year);
        return XlsxDownload.of(RunwayTables.list(base, rows(base), runway.band(), text), "库款预测-" + base + ".xlsx");
    }

    @GetMapping("/decision/runway/{unit}/export")
    ResponseEntity<byte[]> unitExport(@PathVariable String unit, @RequestParam(required = false) String month,
                                      @RequestParam(required = false) Integer year) {
        scope.require(unit);
        FiscalUnit u = regions.unit(unit).orElseThrow(() -> new NoSuchElementException("单位 " + unit + " 不存在"));
        YearMonth base = base(month, year);
        RunwayProjection p = runway.project(unit, base, true)
                .orElseThrow(() -> new NoSuchElementException(u.name() + " 缺少 " + base + " 的库款或三保需求数据，无法预测"));
        return XlsxDownload.of(RunwayTables.unit(u, p, runway.band(), text), "库款预测-" + u.name() + "-" + base + ".xlsx");
    }

    @GetMapping("/decision/runway/{unit}")
    String unit(@PathVariable String unit, @RequestParam(required = false) String month, @RequestParam(required = false) Integer year,
                Model model) {
        scope.require(unit);
        FiscalUnit u = regions.unit(unit).orElseThrow(() -> new NoSuchElementException("单位 " + unit + " 不存在"));
        YearMonth base = base(month, year);
        RunwayProjection p = runway.project(unit, base, true)
                .orElseThrow(() -> new NoSuchElementException(u.name() + " 缺少 " + base + " 的库款或三保需求数据，无法预测"));
        model.addAttribute("unit", u);
        model.addAttribute("base", base);
        model.addAttribute("months", months(base.getYear()));
        model.addAttribute("p", p);
        model.addAttribute("without", runway.project(unit, base, false).orElse(p));
        model.addAttribute("band", runway.band());
        model.addAttribute("chart", json.writeValueAsString(RunwayChart.of(runway.history(unit, base), p, runway.band())));
        return "decision/runway-unit";
    }

    private YearMonth base(String month, Integer year) {
        if (month != null && !month.isBlank()) {
            try {
                return YearMonth.parse(month.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("无法识别的月份“" + month + "”，应为 2021-12 格式");
            }
        }
        if (year != null) {
            Optional<YearMonth> inYear = runway.latestMonth(year);
            if (inYear.isPresent()) return inYear.get();
        }
        return results.latestPeriod(Period.Type.MONTH).map(YearMonth::parse)
                .orElseThrow(() -> new NoSuchElementException("尚无任何月度监测数据，无法预测库款"));
    }

    private static List<YearMonth> months(int year) {
        List<YearMonth> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) out.add(YearMonth.of(year, m));
        return out;
    }
}
