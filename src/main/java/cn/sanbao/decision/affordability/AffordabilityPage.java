package cn.sanbao.decision.affordability;

import cn.sanbao.shared.Decimals;
import cn.sanbao.shared.web.ScreenText;
import cn.sanbao.shared.web.XlsxDownload;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import cn.sanbao.decision.Flash;
import cn.sanbao.decision.dispatch.DispatchPage;
import cn.sanbao.kernel.Period;
import cn.sanbao.projects.Projects;

/** 财政可承受能力评估 screens: saved cases, a form for a new one (analysts), and a case's per-unit report. */
@Controller
@PreAuthorize("hasAnyRole('ANALYST','LEADER')")
public class AffordabilityPage {

    private final AffordabilityService service;
    private final Projects projects;
    private final ScreenText text;

    public AffordabilityPage(AffordabilityService service, Projects projects, ScreenText text) {
        this.service = service;
        this.projects = projects;
        this.text = text;
    }

    @GetMapping("/decision/affordability")
    String list(Model model) {
        model.addAttribute("cases", service.cases());
        model.addAttribute("items", projects.currentList().map(l -> l.items()).orElse(java.util.List.of()));
        return "decision/affordability";
    }

    @GetMapping("/decision/affordability/{id}")
    String report(@PathVariable long id, Model model) {
        AffordabilityService.Report r = service.report(service.kase(id), code -> true);
        model.addAttribute("r", r);
        model.addAttribute("summary", service.summary(r));
        return "decision/affordability-report";
    }

    @GetMapping("/decision/affordability/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        AffordabilityService.Report r = service.report(service.kase(id), code -> true);
        return XlsxDownload.of(AffordabilityTable.of(r, text), "可承受能力评估-" + r.kase().name() + ".xlsx");
    }

    @PostMapping("/decision/affordability")
    @PreAuthorize("hasRole('ANALYST')")
    String save(@RequestParam(required = false) String name, @RequestParam(required = false) String item,
                @RequestParam(required = false) String standard, @RequestParam(required = false) String start,
                @RequestParam(defaultValue = "0") String growth, @RequestParam(required = false) String basePeriod, Authentication auth,
                RedirectAttributes ra) {
        return Flash.run(ra, "/decision/affordability", () -> {
            if (item == null || item.isBlank()) throw new IllegalArgumentException("请选择保障清单项目");
            if (basePeriod == null || basePeriod.isBlank()) throw new IllegalArgumentException("请填写评分基准期，如 2021-12");
            BigDecimal std = number(standard, "新标准（元）");
            BigDecimal g = number(growth, "口径年增长率（%）").movePointLeft(2);
            Period base;
            try {
                base = Period.parse(basePeriod.trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("无法识别的评分基准期“" + basePeriod + "”，应为 2021-12 格式");
            }
            long id = service.save(name, new Proposal(item.trim(), std, DispatchPage.parseMonth(start), g), base, auth.getName());
            return "/decision/affordability/" + id + "|已保存测算方案 #" + id;
        });
    }

    private static BigDecimal number(String text, String what) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("请填写" + what);
        try {
            return Decimals.parse(text);
        } catch (Decimals.Invalid e) {
            throw new IllegalArgumentException(what + e.getMessage());
        }
    }
}
