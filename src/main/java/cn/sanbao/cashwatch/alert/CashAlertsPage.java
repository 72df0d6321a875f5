package cn.sanbao.cashwatch.alert;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import cn.sanbao.cashwatch.DailyCashWatch;
import cn.sanbao.shared.web.PageRequest;
import cn.sanbao.shared.web.XlsxDownload;

/** 库款预警记录 (/cash-watch/alerts): daily cash warnings and escalations, filtered, paged, exported; scoped to the user's units. */
@Controller
class CashAlertsPage {

    /** Without dates the list shows the 30 days up to the latest day with a balance. */
    static final int DEFAULT_DAYS = 30;

    private final CashAlertList list;
    private final DailyCashWatch watch;

    CashAlertsPage(CashAlertList list, DailyCashWatch watch) {
        this.list = list;
        this.watch = watch;
    }

    @GetMapping("/cash-watch/alerts")
    String alerts(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) String unit, @RequestParam(required = false) Integer page,
                  @RequestParam(required = false) Integer size, Model model) {
        LocalDate end = end(to), start = start(from, end);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("unit", unit == null ? "" : unit);
        model.addAttribute("units", list.units());
        model.addAttribute("page", list.page(start, end, unit, PageRequest.of(page, size)));
        return "cashwatch/alerts";
    }

    /** The whole filtered list (every page) as .xlsx, within the user's scope. */
    @GetMapping("/cash-watch/alerts/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(required = false) String unit) {
        LocalDate end = end(to), start = start(from, end);
        return XlsxDownload.of(list.table(start, end, unit), "库款预警记录_" + start + "_" + end + ".xlsx");
    }

    private LocalDate end(LocalDate to) {
        return to != null ? to : watch.latestDay().orElse(LocalDate.now());
    }

    private static LocalDate start(LocalDate from, LocalDate end) {
        return from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
    }
}
