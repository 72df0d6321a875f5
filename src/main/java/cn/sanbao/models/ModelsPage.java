package cn.sanbao.models;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.ModelValidationException;
import cn.sanbao.monitoring.ModelApprovalPolicy;
import cn.sanbao.monitoring.ModelRegistry;
import cn.sanbao.monitoring.ModelVersion;

/**
 * 监测模型: every version as a readable table; analysts copy a version into a draft, edit its YAML with
 * validation as they type, simulate it on past periods and submit it; a second analyst or a leader approves
 * or returns it (四眼原则). Once published, the page offers to re-run the periods the version covers.
 */
@Controller
@PreAuthorize("hasAnyRole('ANALYST','LEADER')")
class ModelsPage {

    private final ModelRegistry models;
    private final ModelSimulator simulator;
    private final ModelCoverage coverage;

    ModelsPage(ModelRegistry models, ModelSimulator simulator, ModelCoverage coverage) {
        this.models = models;
        this.simulator = simulator;
        this.coverage = coverage;
    }

    @GetMapping("/models")
    String list(Model model) {
        List<ModelVersion> all = models.all();
        ModelVersion current = all.stream().filter(v -> ModelVersion.PUBLISHED.equals(v.status()))
                .max(Comparator.comparing(ModelVersion::id)).orElse(null);
        model.addAttribute("versions", all);
        model.addAttribute("current", current);
        if (current != null) model.addAttribute("table", ModelTable.of(models.engine(current).model()));
        return "models/list";
    }

    @GetMapping("/models/{id}")
    String version(@PathVariable long id, @RequestParam(required = false) List<String> periods, Model model, Principal principal) {
        ModelVersion v = models.version(id);
        model.addAttribute("v", v);
        model.addAttribute("yaml", v.sourceYaml());
        try {
            model.addAttribute("table", ModelTable.of(models.engine(v).model()));
        } catch (RuntimeException e) {
            model.addAttribute("problems", problems(e));
        }
        List<String> chosen = periods == null ? List.of() : periods.stream().flatMap(p -> List.of(p.split("[,，\\s]+")).stream())
                .filter(p -> !p.isBlank()).toList();
        // the approver sees the differences without asking: the periods the version would cover, else the latest month
        if (chosen.isEmpty() && v.pending()) chosen = coverage.simulationPeriods(v);
        if (!chosen.isEmpty() && !ModelVersion.PUBLISHED.equals(v.status())) {
            List<Simulation> sims = new ArrayList<>();
            for (String p : chosen) sims.add(simulator.simulate(v, Period.parse(p.trim())));
            model.addAttribute("simulations", sims);
        }
        if (v.pending()) model.addAttribute("approval", ModelApprovalPolicy.mayApprove(v, principal.getName()));
        if (ModelVersion.PUBLISHED.equals(v.status())) model.addAttribute("rerun", coverage.rerunOffer(v));
        model.addAttribute("selected", chosen);
        return "models/version";
    }

    @PostMapping("/models/{id}/copy")
    @PreAuthorize("hasRole('ANALYST')")
    String copy(@PathVariable long id, Principal principal) {
        return "redirect:/models/" + models.copyToDraft(id, principal.getName()).id();
    }

    /** htmx: the problems of the text being typed, with line numbers; nothing is saved. */
    @PostMapping("/models/{id}/validate")
    @PreAuthorize("hasRole('ANALYST')")
    String validate(@PathVariable long id, @RequestParam String yaml, Model model) {
        try {
            models.parse(yaml, "草稿");
            model.addAttribute("problems", List.of());
        } catch (RuntimeException e) {
            model.addAttribute("problems", problems(e));
        }
        return "models/problems :: problems";
    }

    @PostMapping("/models/{id}")
    @PreAuthorize("hasRole('ANALYST')")
    String save(@PathVariable long id, @RequestParam String yaml, Principal principal, Model model, RedirectAttributes flash) {
        try {
            models.saveDraft(id, yaml, principal.getName());
        } catch (RuntimeException e) {
            ModelVersion v = models.version(id);
            if (!ModelVersion.DRAFT.equals(v.status())) {
                flash.addFlashAttribute("error", "草稿未保存：" + String.join("；", problems(e)));
                return "redirect:/models/" + id;
            }
            model.addAttribute("v", v);
            model.addAttribute("yaml", yaml);
            model.addAttribute("problems", problems(e));
            model.addAttribute("selected", List.of());
            model.addAttribute("error", e instanceof ModelValidationException ? "草稿未保存：请先改正下列问题"
                    : "草稿未保存：" + String.join("；", problems(e)));
            return "models/version";
        }
        flash.addFlashAttribute("message", "草稿已保存");
        return "redirect:/models/" + id;
    }

    /** 提交发布审核: the draft waits for a second person (四眼原则). */
    @PostMapping("/models/{id}/publish")
    @PreAuthorize("hasRole('ANALYST')")
    String submit(@PathVariable long id, @RequestParam String effectiveFrom, @RequestParam String reason,
                  Principal principal, RedirectAttributes flash) {
        try {
            ModelVersion v = models.submit(id, Period.parse(effectiveFrom.trim()), reason, principal.getName());
            flash.addFlashAttribute("message", v.label() + " 已提交发布审核，自 " + Period.parse(v.effectiveFrom()).label()
                    + " 起生效；须由另一位分析员或领导审核通过后才生效");
        } catch (IllegalArgumentException | ModelValidationException e) {
            flash.addFlashAttribute("error", String.join("；", problems(e)));
        }
        return "redirect:/models/" + id;
    }

    @PostMapping("/models/{id}/approve")
    @PreAuthorize("hasAnyRole('ANALYST','LEADER')")
    String approve(@PathVariable long id, Principal principal, RedirectAttributes flash) {
        try {
            ModelVersion v = models.approve(id, principal.getName());
            flash.addFlashAttribute("message", v.label() + " 已审核通过并发布，自 " + Period.parse(v.effectiveFrom()).label()
                    + " 起生效；已有监测运行的得分不变，重新运行监测时使用新版本");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/models/" + id;
    }

    @PostMapping("/models/{id}/reject")
    @PreAuthorize("hasAnyRole('ANALYST','LEADER')")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, Principal principal,
                  RedirectAttributes flash) {
        try {
            ModelVersion v = models.reject(id, reason, principal.getName());
            flash.addFlashAttribute("message", v.label() + " 已退回草稿：" + v.reviewNote());
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/models/" + id;
    }

    static List<String> problems(RuntimeException e) {
        if (e instanceof ModelValidationException m) return m.problems().stream().map(Object::toString).toList();
        return List.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
