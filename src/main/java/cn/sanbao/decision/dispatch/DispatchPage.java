package cn.sanbao.decision.dispatch;

import cn.sanbao.shared.Decimals;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import cn.sanbao.decision.Flash;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.kernel.Money;

/** 库款统筹调度 screens: region-wide, so the department only; analysts propose, adjust and approve. */
@Controller
@PreAuthorize("hasAnyRole('ANALYST','LEADER')")
public class DispatchPage {

    private final DispatchService dispatch;
    private final RegionTree regions;

    public DispatchPage(DispatchService dispatch, RegionTree regions) {
        this.dispatch = dispatch;
        this.regions = regions;
    }

    @GetMapping("/decision/dispatch")
    String list(Model model) {
        model.addAttribute("plans", dispatch.plans());
        model.addAttribute("names", names());
        return "decision/dispatch";
    }

    @GetMapping("/decision/dispatch/{id}")
    String plan(@PathVariable long id, Model model) {
        model.addAttribute("plan", dispatch.plan(id));
        model.addAttribute("names", names());
        return "decision/dispatch-plan";
    }

    @PostMapping("/decision/dispatch")
    @PreAuthorize("hasRole('ANALYST')")
    String propose(@RequestParam(required = false) String month, @RequestParam(required = false) String pool,
                   @RequestParam(defaultValue = "0") String floor, @RequestParam(defaultValue = "1") String capRatio,
                   Authentication auth, RedirectAttributes ra) {
        return Flash.run(ra, "/decision/dispatch", () -> {
            YearMonth base = parseMonth(month);
            BigDecimal ratio;
            try {
                ratio = Decimals.parse(capRatio);
            } catch (Decimals.Invalid e) {
                throw new IllegalArgumentException("调度上限倍数" + e.getMessage());
            }
            DispatchPlan p = dispatch.propose(base, wanToYuan(pool, "调度资金池"), wanToYuan(floor, "区级留存"), ratio, auth.getName());
            return "/decision/dispatch/" + p.id() + "|已生成" + p.label() + "，分配 " + Money.wan(p.total()) + " 万元";
        });
    }

    @PostMapping("/decision/dispatch/{id}/adjust")
    @PreAuthorize("hasRole('ANALYST')")
    String adjust(@PathVariable long id, @RequestParam Map<String, String> form, Authentication auth, RedirectAttributes ra) {
        return Flash.run(ra, "/decision/dispatch/" + id, () -> {
            Map<String, BigDecimal> amounts = new HashMap<>();
            form.forEach((k, v) -> {
                if (k.startsWith("amount_")) amounts.put(k.substring(7), wanToYuan(v, k.substring(7) + " 调度金额"));
            });
            dispatch.adjust(id, amounts, auth.getName());
            return "已保存调整";
        });
    }

    @PostMapping("/decision/dispatch/{id}/approve")
    @PreAuthorize("hasRole('ANALYST')")
    String approve(@PathVariable long id, Authentication auth, RedirectAttributes ra) {
        return Flash.run(ra, "/decision/dispatch/" + id, () -> {
            DispatchPlan p = dispatch.approve(id, auth.getName());
            return "已批准，调度金额计入 " + p.arrivalMonth() + " 的库款预测";
        });
    }

    @GetMapping("/decision/dispatch/{id}/excel")
    ResponseEntity<byte[]> excel(@PathVariable long id) {
        DispatchPlan p = dispatch.plan(id);
        return cn.sanbao.shared.web.XlsxDownload.bytes(DispatchExcel.write(p, names()), "调度方案-" + p.id() + "-" + p.baseMonth() + ".xlsx");
    }

    private Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        for (FiscalUnit u : regions.all()) names.put(u.code(), u.name());
        return names;
    }

    /** Forms take 万元 (what users think in); stored amounts are 元 to the cent. */
    public static BigDecimal wanToYuan(String text, String what) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("请填写" + what + "（单位：万元）");
        try {
            BigDecimal wan = Decimals.parse(text);
            if (wan.stripTrailingZeros().scale() > 6) throw new IllegalArgumentException(what + "最多精确到分（万元后 6 位小数）");
            return cn.sanbao.kernel.Money.fromWan(wan);
        } catch (Decimals.Invalid e) {
            throw new IllegalArgumentException(what + e.getMessage() + "（单位：万元）");
        }
    }

    public static YearMonth parseMonth(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("请填写月份，如 2021-12");
        try {
            return YearMonth.parse(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("无法识别的月份“" + text + "”，应为 2021-12 格式");
        }
    }
}
