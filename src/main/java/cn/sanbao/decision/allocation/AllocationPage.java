package cn.sanbao.decision.allocation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import cn.sanbao.decision.Flash;
import cn.sanbao.decision.dispatch.DispatchPage;
import cn.sanbao.kernel.Period;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;

/** 转移支付分配 screens: one weighting's table with factor contributions, or two side by side (what-if). */
@Controller
@PreAuthorize("hasAnyRole('ANALYST','LEADER')")
public class AllocationPage {

    private final AllocationService allocation;
    private final ResultRepository results;
    private final RegionTree regions;

    public AllocationPage(AllocationService allocation, ResultRepository results, RegionTree regions) {
        this.allocation = allocation;
        this.results = results;
        this.regions = regions;
    }

    @GetMapping("/decision/allocation")
    String page(@RequestParam(required = false) String month, @RequestParam(required = false) String pool,
                @RequestParam(required = false) Long a, @RequestParam(required = false) Long b, Model model) {
        List<Weighting> weightings = allocation.weightings();
        model.addAttribute("weightings", weightings);
        model.addAttribute("factors", Factor.values());
        model.addAttribute("names", names());
        Period period = month(month);
        model.addAttribute("month", period == null ? "" : period.code());
        model.addAttribute("pool", pool == null ? "" : pool);
        if (period == null || pool == null || pool.isBlank() || a == null) return "decision/allocation";
        try {
            BigDecimal yuan = DispatchPage.wanToYuan(pool, "转移支付资金池");
            Weighting wa = allocation.weighting(a);
            model.addAttribute("wa", wa);
            model.addAttribute("ra", allocation.allocate(period, yuan, wa));
            if (b != null) {
                Weighting wb = allocation.weighting(b);
                model.addAttribute("wb", wb);
                model.addAttribute("rb", allocation.allocate(period, yuan, wb));
            }
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            model.addAttribute("errors", List.of(e.getMessage()));
        }
        return "decision/allocation";
    }

    @PostMapping("/decision/allocation/weightings")
    @PreAuthorize("hasRole('ANALYST')")
    String save(@RequestParam(required = false) String name, @RequestParam Map<String, String> form, Authentication auth, RedirectAttributes ra) {
        StringBuilder text = new StringBuilder();
        for (Factor f : Factor.values()) {
            String w = form.get("w_" + f.name());
            if (w != null && !w.isBlank()) text.append(f.name()).append('=').append(w.trim()).append(';');
        }
        return Flash.run(ra, "/decision/allocation", () -> "已保存权重方案 " + allocation.save(name, text.toString(), auth.getName()).label());
    }

    @GetMapping("/decision/allocation/excel")
    ResponseEntity<byte[]> excel(@RequestParam(required = false) String month, @RequestParam(required = false) String pool,
                                 @RequestParam(required = false) Long a, @RequestParam(required = false) Long b) {
        if (a == null) throw new IllegalArgumentException("请选择权重方案");
        Period period = month(month);
        if (period == null) throw new IllegalArgumentException("请选择月份");
        BigDecimal yuan = DispatchPage.wanToYuan(pool, "转移支付资金池");
        Weighting wa = allocation.weighting(a);
        Weighting wb = b == null ? null : allocation.weighting(b);
        byte[] body = AllocationExcel.write(period.label() + " 转移支付分配，资金池 " + yuan.toPlainString() + " 元",
                wa, allocation.allocate(period, yuan, wa), wb, wb == null ? null : allocation.allocate(period, yuan, wb), names());
        return cn.sanbao.shared.web.XlsxDownload.bytes(body, "转移支付分配-" + period.code() + ".xlsx");
    }

    private Period month(String text) {
        if (text != null && !text.isBlank()) {
            Period p;
            try {
                p = Period.parse(text.trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("无法识别的月份“" + text + "”，应为 2021-12 格式");
            }
            if (p.type() != Period.Type.MONTH) throw new IllegalArgumentException("分配按月份取数，请填写如 2021-12 的月份");
            return p;
        }
        return results.latestPeriod(Period.Type.MONTH).map(Period::parse).orElse(null);
    }

    private Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        for (FiscalUnit u : regions.all()) names.put(u.code(), u.name());
        return names;
    }
}
