package cn.sanbao.discipline;

import cn.sanbao.decision.runway.RunwayService;
import cn.sanbao.kernel.Period;
import cn.sanbao.security.UnitScope;
import cn.sanbao.shared.web.Page;
import cn.sanbao.shared.web.PageRequest;
import cn.sanbao.shared.web.ScreenText;
import cn.sanbao.shared.web.XlsxDownload;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** 支出约束监测 screens: 「两个支出」优先 of the month, 直达资金 and the idle list, their Excel exports, the warning switch. */
@Controller
class DisciplinePage {

    private final DisciplineService discipline;
    private final TwoPrioritiesWarningRule warningRule;
    private final RunwayService runway;
    private final UnitScope scope;
    private final ScreenText text;

    DisciplinePage(DisciplineService discipline, TwoPrioritiesWarningRule warningRule, RunwayService runway, UnitScope scope,
                   ScreenText text) {
        this.discipline = discipline;
        this.warningRule = warningRule;
        this.runway = runway;
        this.scope = scope;
        this.text = text;
    }

    @GetMapping("/discipline")
    String twoPriorities(@RequestParam(required = false) String period, @RequestParam(required = false) Integer page,
                         @RequestParam(required = false) Integer size, Model model) {
        Period month = month(period);
        List<DisciplineService.UnitCheck> rows = flaggedFirst(month);
        model.addAttribute("period", month);
        model.addAttribute("months", months(month.year()));
        model.addAttribute("page", Page.slice(rows, PageRequest.of(page, size)));
        model.addAttribute("flaggedCount", rows.stream().filter(c -> c.check().flagged()).count());
        model.addAttribute("cashLow", discipline.cashLow());
        model.addAttribute("warningRuleOn", warningRule.enabled());
        return "discipline/two-priorities";
    }

    @GetMapping("/discipline/export")
    ResponseEntity<byte[]> twoPrioritiesExport(@RequestParam(required = false) String period) {
        Period month = month(period);
        return XlsxDownload.of(DisciplineTables.twoPriorities(month, flaggedFirst(month), text), "两个支出优先-" + month.code() + ".xlsx");
    }

    @GetMapping("/discipline/direct")
    String direct(@RequestParam(required = false) String period, @RequestParam(required = false) Integer months,
                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        Period month = month(period);
        int n = months == null ? discipline.defaultIdleMonths() : months;
        model.addAttribute("period", month);
        model.addAttribute("months", months(month.year()));
        model.addAttribute("idleMonths", n);
        model.addAttribute("page", Page.slice(discipline.directFunds(month, n, true, scope.visible()), PageRequest.of(page, size)));
        model.addAttribute("all", discipline.directFunds(month, n, false, scope.visible()));
        model.addAttribute("codes", discipline.directFundCodes());
        return "discipline/direct";
    }

    @GetMapping("/discipline/direct/export")
    ResponseEntity<byte[]> directExport(@RequestParam(required = false) String period, @RequestParam(required = false) Integer months) {
        Period month = month(period);
        int n = months == null ? discipline.defaultIdleMonths() : months;
        return XlsxDownload.of(DisciplineTables.idle(month, n, discipline.directFunds(month, n, true, scope.visible()), text),
                "直达资金闲置-" + month.code() + ".xlsx");
    }

    /** {@code enabled} has a default so that a refused role gets the 403 of @PreAuthorize, not a 400 for the form. */
    @PostMapping("/discipline/warning-rule")
    @PreAuthorize("hasRole('ANALYST')")
    String switchWarningRule(@RequestParam(defaultValue = "false") boolean enabled, @RequestParam(required = false) String period, Principal principal,
                             RedirectAttributes flash) {
        warningRule.setEnabled(enabled, principal.getName());
        flash.addFlashAttribute("message", text.get(enabled ? "discipline.rule.switchedOn" : "discipline.rule.switchedOff"));
        return "redirect:/discipline" + (period == null ? "" : "?period=" + Period.parse(period).code());
    }

    private List<DisciplineService.UnitCheck> flaggedFirst(Period month) {
        List<DisciplineService.UnitCheck> rows = new ArrayList<>(discipline.twoPriorities(month, scope.visible()));
        rows.sort(Comparator.comparing((DisciplineService.UnitCheck c) -> !c.check().flagged()));
        return rows;
    }

    /** The chosen month, or the latest month with cash data (this year, else the most recent of the last ten). */
    private Period month(String period) {
        if (period != null && !period.isBlank()) {
            Period p = Period.parse(period);
            if (p.type() != Period.Type.MONTH) throw new IllegalArgumentException("支出约束监测按月查看，期间应为月（如 2021-03）：" + period);
            return p;
        }
        int year = LocalDate.now().getYear();
        for (int y = year; y > year - 10; y--) {
            java.util.Optional<YearMonth> m = runway.latestMonth(y);
            if (m.isPresent()) return Period.month(m.get().getYear(), m.get().getMonthValue());
        }
        return Period.month(year, LocalDate.now().getMonthValue());
    }

    private static List<Period> months(int year) {
        List<Period> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) out.add(Period.month(year, m));
        return out;
    }
}
