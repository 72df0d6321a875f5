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
import cn.sanbao.engine.Period;
import cn.sanbao.engine.load.ModelValidationException;
import cn.sanbao.monitoring.ModelRegistry;
import cn.sanbao.monitoring.ModelVersion;

/**
 * 监测模型: every version as a readable table; analysts copy a version into a draft, edit its YAML with
 * validation as they type, simulate it on past periods and publish it. Leaders may look, not change.
 */
@Controller
@PreAuthorize("hasAnyRole('ANALYST','LEADER')")
class ModelsPage {

    private final ModelRegistry models;
    private final ModelSimulator simulator;

    ModelsPage(ModelRegistry models, ModelSimulator simulator) {
        this.models = models;
        this.simulator = simulator;
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
    String version(@PathVariable long id, @RequestParam(required = false) List<String> periods, Model model) {
        ModelVersion v = models.version(id);
        model.addAttribute("v", v);
        model.addAttribute("yaml", v.sourceYaml());
        try {
            model.addAttribute("table", ModelTable.of(models.engine(v).model()));
        } catch (RuntimeException e) {
            model.addAttribute("problems", problems(e));
        }
        if (periods != null && !periods.isEmpty() && ModelVersion.DRAFT.equals(v.status())) {
            List<Simulation> sims = new ArrayList<>();
            for (String p : periods) if (!p.isBlank()) sims.add(simulator.simulate(v, Period.parse(p.trim())));
            model.addAttribute("simulations", sims);
        }
        model.addAttribute("selected", periods == null ? List.of() : periods);
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

    @PostMapping("/models/{id}/publish")
    @PreAuthorize("hasRole('ANALYST')")
    String publish(@PathVariable long id, @RequestParam String effectiveFrom, @RequestParam String reason,
                   Principal principal, RedirectAttributes flash) {
        try {
            ModelVersion v = models.publish(id, Period.parse(effectiveFrom.trim()), reason, principal.getName());
            flash.addFlashAttribute("message", v.label() + " 已发布，自 " + Period.parse(v.effectiveFrom()).label()
                    + " 起生效；已有监测运行的得分不变，重新运行监测时使用新版本");
        } catch (IllegalArgumentException | ModelValidationException e) {
            flash.addFlashAttribute("error", String.join("；", problems(e)));
        }
        return "redirect:/models/" + id;
    }

    static List<String> problems(RuntimeException e) {
        if (e instanceof ModelValidationException m) return m.problems().stream().map(Object::toString).toList();
        return List.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
