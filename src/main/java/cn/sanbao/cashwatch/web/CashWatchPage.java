package cn.sanbao.cashwatch.web;

import cn.sanbao.cashwatch.DailyCashRejected;
import cn.sanbao.cashwatch.DailyCashWatch;
import cn.sanbao.cashwatch.DayLevel;
import cn.sanbao.cashwatch.store.CashRepository;
import cn.sanbao.intake.IntakeRejectedException;
import cn.sanbao.intake.TableFile;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.security.UnitScope;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.web.Page;
import cn.sanbao.shared.web.PageRequest;
import cn.sanbao.shared.web.XlsxDownload;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * 库款日监测 (/cash-watch): the 90 days up to the latest day as a chart, the day's units worst first (or one unit's
 * days), Excel export, the upload of daily balances (analyst) with its template, and the list of data revisions.
 */
@Controller
class CashWatchPage {

    static final int DAYS = 90;
    static final String ALERTS = "/cash-watch/alerts";

    private final DailyCashWatch watch;
    private final CashRepository revisions;
    private final RegionTree regions;
    private final UnitScope scope;
    private final JsonMapper json;
    private final RequestMappingHandlerMapping mappings;
    private volatile Boolean alertsScreen;

    CashWatchPage(DailyCashWatch watch, CashRepository revisions, RegionTree regions, UnitScope scope, JsonMapper json,
                  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.watch = watch;
        this.revisions = revisions;
        this.regions = regions;
        this.scope = scope;
        this.json = json;
        this.mappings = mappings;
    }

    @GetMapping("/cash-watch")
    String page(@RequestParam(required = false) String day, @RequestParam(required = false) String unit,
                @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("band", watch.band());
        model.addAttribute("alertsLink", hasAlertsScreen());
        model.addAttribute("seesAll", scope.seesAll());
        if (scope.seesAll()) model.addAttribute("history", revisions.revisions(0, 10));
        Optional<LocalDate> latest = watch.latestDay();
        if (latest.isEmpty()) return "cashwatch/cash-watch";
        LocalDate to = day(day, latest.get());
        LocalDate from = to.minusDays(DAYS - 1);
        Predicate<String> visible = scope.visible();
        List<FiscalUnit> units = regions.budgetUnits().stream().filter(u -> visible.test(u.code())).toList();
        String shown = unit != null && !unit.isBlank() ? unit.strip() : units.size() == 1 && !scope.seesAll() ? units.get(0).code() : null;
        model.addAttribute("latest", latest.get());
        model.addAttribute("day", to);
        model.addAttribute("from", from);
        model.addAttribute("units", units);
        PageRequest request = PageRequest.of(page, null);
        if (shown != null) {
            scope.require(shown);
            FiscalUnit u = regions.unit(shown).filter(f -> !f.isConsolidated())
                    .orElseThrow(() -> new IllegalArgumentException("“" + shown + "”不是预算单位"));
            List<DayLevel> series = watch.series(shown, from, to);
            model.addAttribute("unit", u);
            model.addAttribute("rows", Page.slice(newestFirst(series).stream().map(d -> CashWatchView.row(d, regions)).toList(), request));
            model.addAttribute("chart", json.writeValueAsString(CashWatchView.unitLine(from, to, series, watch.band(), u.name())));
        } else {
            List<CashWatchView.Row> rows = today(to, visible);
            model.addAttribute("rows", Page.slice(rows, request));
            model.addAttribute("counts", rows.stream().collect(java.util.stream.Collectors.groupingBy(CashWatchView.Row::band,
                    () -> new java.util.EnumMap<>(cn.sanbao.cashwatch.CashLevelBand.class), java.util.stream.Collectors.counting())));
            model.addAttribute("chart", json.writeValueAsString(CashWatchView.bandCounts(from, to, watch.levels(from, to, visible))));
        }
        return "cashwatch/cash-watch";
    }

    @GetMapping("/cash-watch/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String day, @RequestParam(required = false) String unit) {
        LocalDate latest = watch.latestDay().orElseThrow(() -> new java.util.NoSuchElementException("尚无库款日报"));
        LocalDate to = day(day, latest);
        if (unit != null && !unit.isBlank()) {
            scope.require(unit.strip());
            FiscalUnit u = regions.require(unit.strip());
            List<CashWatchView.Row> rows = newestFirst(watch.series(u.code(), to.minusDays(DAYS - 1), to)).stream()
                    .map(d -> CashWatchView.row(d, regions)).toList();
            return XlsxDownload.of(CashWatchView.table(u.name() + " 库款保障水平（近" + DAYS + "天）", rows, true),
                    "库款日监测-" + u.name() + "-" + to + ".xlsx");
        }
        return XlsxDownload.of(CashWatchView.table(to + " 库款保障水平", today(to, scope.visible()), false), "库款日监测-" + to + ".xlsx");
    }

    /** The upload template: the visible budget units, with the day after the latest (or today) filled in. */
    @GetMapping("/cash-watch/template")
    ResponseEntity<byte[]> template() {
        LocalDate next = watch.latestDay().map(d -> d.plusDays(1)).filter(d -> !d.isAfter(LocalDate.now())).orElse(LocalDate.now());
        Predicate<String> visible = scope.visible();
        Table.Builder t = Table.builder("库款日报").text(CashFileReader.UNIT).text("单位名称").text(CashFileReader.DAY)
                .column(CashFileReader.BALANCE, Table.Kind.YUAN);
        for (FiscalUnit u : regions.budgetUnits()) if (visible.test(u.code())) t.row(u.code(), u.name(), next.toString(), null);
        return XlsxDownload.of(t.note("每行一个预算单位一天的日终余额，金额单位：元").build(), "库款日报模板.xlsx");
    }

    @PostMapping("/cash-watch/upload")
    @PreAuthorize("hasRole('ANALYST')")
    String upload(@RequestParam("file") MultipartFile file, Authentication auth, Model model) throws IOException {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "上传文件" : file.getOriginalFilename();
        model.addAttribute("fileName", name);
        try {
            var rows = CashFileReader.read(TableFile.read(name, TableFile.bytes(file)));
            model.addAttribute("result", watch.store("upload", name, rows, auth.getName()));
        } catch (IntakeRejectedException e) {
            model.addAttribute("findings", e.findings());
        } catch (DailyCashRejected e) {
            model.addAttribute("findings", e.findings());
        }
        return page(null, null, null, model);
    }

    private List<CashWatchView.Row> today(LocalDate day, Predicate<String> visible) {
        return watch.onDay(day, visible).stream().sorted(CashWatchView.WORST_FIRST).map(d -> CashWatchView.row(d, regions)).toList();
    }

    private static List<DayLevel> newestFirst(List<DayLevel> series) {
        List<DayLevel> out = new java.util.ArrayList<>(series);
        java.util.Collections.reverse(out);
        return out;
    }

    private static LocalDate day(String text, LocalDate latest) {
        if (text == null || text.isBlank()) return latest;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("无法识别的日期“" + text + "”，应为 2021-12-31 格式");
        }
    }

    /** The alerts screen belongs to another part of the module; link to it only once it exists (mappings are fixed after start). */
    private boolean hasAlertsScreen() {
        Boolean known = alertsScreen;
        if (known == null) {
            known = mappings.getHandlerMethods().keySet().stream().anyMatch(i -> i.getPatternValues().contains(ALERTS));
            alertsScreen = known;
        }
        return known;
    }
}
