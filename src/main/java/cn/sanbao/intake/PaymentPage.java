package cn.sanbao.intake;

import cn.sanbao.kernel.Period;
import cn.sanbao.region.RegionTree;
import cn.sanbao.security.UnitScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** 支付明细 screens: upload with live progress (htmx polling), per-unit pillar totals, drill-down, mapping editor. */
@Controller
class PaymentPage {

    private final PaymentJobRunner runner;
    private final PaymentJobRepository jobs;
    private final PaymentRepository queries;
    private final PillarMappingService mappings;
    private final RegionTree regions;
    private final UnitScope scope;

    PaymentPage(PaymentJobRunner runner, PaymentJobRepository jobs, PaymentRepository queries, PillarMappingService mappings,
                RegionTree regions, UnitScope scope) {
        this.runner = runner;
        this.jobs = jobs;
        this.queries = queries;
        this.mappings = mappings;
        this.regions = regions;
        this.scope = scope;
    }

    @GetMapping("/intake/payments")
    String form(Model model, Authentication auth) {
        model.addAttribute("jobs", jobs.recent(20).stream().filter(j -> scope.seesAll() || j.createdBy().equals(auth.getName())).toList());
        model.addAttribute("analyst", auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ANALYST")));
        return "intake/payments";
    }

    /** The analyst stops a queued or running import (e.g. a file that takes far too long); nothing of it is stored. */
    @PostMapping("/intake/payments/jobs/{id}/cancel")
    @PreAuthorize("hasRole('ANALYST')")
    String cancel(@PathVariable long id, @RequestParam(required = false) String reason, Authentication auth) {
        runner.cancel(id, auth.getName(), reason);
        return "redirect:/intake/payments/jobs/" + id;
    }

    @PostMapping("/intake/payments")
    @PreAuthorize("hasAnyRole('ANALYST','LOCAL')")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam String period,
                  @RequestParam(defaultValue = "false") boolean rescore, Authentication auth) throws IOException {
        String name = file.getOriginalFilename() == null ? "支付明细.csv" : file.getOriginalFilename();
        long id = runner.start(file.getInputStream(), name, Period.parse(period), auth.getName(), scope.visible(), rescore);
        return "redirect:/intake/payments/jobs/" + id;
    }

    @GetMapping("/intake/payments/jobs/{id}")
    String job(@PathVariable long id, Model model, Authentication auth) {
        model.addAttribute("job", visibleJob(id, auth));
        return "intake/payment-job";
    }

    /** The fragment the job page polls every second until the job is finished. */
    @GetMapping("/intake/payments/jobs/{id}/status")
    String status(@PathVariable long id, Model model, Authentication auth) {
        model.addAttribute("job", visibleJob(id, auth));
        return "intake/payment-job :: status";
    }

    @GetMapping("/intake/payments/{revisionId}")
    String summary(@PathVariable long revisionId, Model model) {
        Map<String, Map<PaymentClass, BigDecimal>> totals = new TreeMap<>(queries.totals(revisionId));
        totals.keySet().removeIf(u -> !scope.visible().test(u));
        model.addAttribute("revisionId", revisionId);
        model.addAttribute("totals", totals);
        model.addAttribute("pillars", PaymentClass.values());
        model.addAttribute("names", regions.all().stream().collect(java.util.stream.Collectors.toMap(u -> u.code(), u -> u.name())));
        model.addAttribute("unclassified", scope.seesAll() ? queries.unclassified(revisionId) : java.util.List.of());
        return "intake/payment-summary";
    }

    @GetMapping("/intake/payments/{revisionId}/units/{unit}/pillars/{pillar}")
    String drill(@PathVariable long revisionId, @PathVariable String unit, @PathVariable String pillar,
                 @RequestParam(defaultValue = "0") int offset, Model model) {
        scope.require(unit);
        PaymentClass p = PaymentApi.parsePillar(pillar);
        model.addAttribute("revisionId", revisionId);
        model.addAttribute("unit", regions.require(unit));
        model.addAttribute("pillar", p);
        model.addAttribute("offset", offset);
        model.addAttribute("rows", queries.drill(revisionId, unit, p, 500, offset));
        return "intake/payment-drill";
    }

    @GetMapping("/intake/pillar-mapping")
    String mapping(Model model) {
        PillarMappingService.Version v = mappings.current();
        model.addAttribute("version", v);
        model.addAttribute("versions", mappings.versions());
        model.addAttribute("rules", mappings.rules(v.id()));
        model.addAttribute("csv", mappings.csv(v.id()));
        return "intake/pillar-mapping";
    }

    @PostMapping("/intake/pillar-mapping")
    @PreAuthorize("hasRole('ANALYST')")
    String saveMapping(@RequestParam String csv, @RequestParam(required = false) String note, Authentication auth, Model model) {
        try {
            mappings.saveCsv(csv, note, auth.getName());
        } catch (cn.sanbao.shared.DataFileException e) {
            model.addAttribute("problems", e.problems().stream().map(cn.sanbao.shared.DataFileException.Problem::text).toList());
            mapping(model);
            model.addAttribute("csv", csv);
            return "intake/pillar-mapping";
        }
        return "redirect:/intake/pillar-mapping";
    }

    private PaymentJobRepository.Job visibleJob(long id, Authentication auth) {
        PaymentJobRepository.Job job = jobs.find(id);
        if (!scope.seesAll() && !job.createdBy().equals(auth.getName())) {
            throw new org.springframework.security.access.AccessDeniedException("无权查看他人的导入任务");
        }
        return job;
    }
}
