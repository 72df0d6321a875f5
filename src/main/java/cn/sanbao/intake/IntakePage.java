package cn.sanbao.intake;

import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRevision;
import cn.sanbao.facts.FactRepository;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import org.springframework.web.bind.annotation.PathVariable;
import cn.sanbao.security.UnitScope;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.sanbao.region.RegionTree;
import java.io.IOException;

/** 数据报送 screen: template download, upload with the full error list or the diff of the new revision. */
@Controller
class IntakePage {

    private final TemplateService templates;
    private final FileImportService files;
    private final UnitScope scope;
    private final RevisionDiff diff;
    private final FactRepository facts;
    private final RegionTree region;

    IntakePage(TemplateService templates, FileImportService files, UnitScope scope, RevisionDiff diff, FactRepository facts,
               RegionTree region) {
        this.region = region;
        this.diff = diff;
        this.facts = facts;
        this.templates = templates;
        this.files = files;
        this.scope = scope;
    }

    @GetMapping("/intake")
    String form(Model model) {
        model.addAttribute("sets", ItemSet.values());
        model.addAttribute("units", templates.units(scope.visible()));
        return "intake/upload";
    }

    /**
     * One data revision as a table (unit, data item, period, value in 万元 or 人) against the values in
     * force before it; {@code unit} narrows it to one unit, and a user sees only the units of their scope.
     */
    @GetMapping("/intake/revisions/{id}")
    String revision(@PathVariable long id, @RequestParam(required = false) String unit, Model model) {
        if (unit != null) scope.require(unit);
        FactRevision r = facts.revision(id).orElseThrow(() -> new NoSuchElementException("数据修订 #" + id + " 不存在"));
        Predicate<String> visible = scope.visible();
        // a city's own figures are its counties' values summed, so a city narrows the revision to the units within it
        RevisionDiff.Result shown = diff.of(id, u -> visible.test(u) && (unit == null || region.isWithin(u, unit)), true);
        // a city or county user may not learn even the source and author of another unit's revision
        if (!scope.seesAll() && shown.values() == 0) throw new NoSuchElementException("数据修订 #" + id + " 不存在或不含你可查看的单位");
        model.addAttribute("revision", r);
        model.addAttribute("unit", unit);
        model.addAttribute("diff", shown);
        return "intake/revision";
    }

    @GetMapping("/intake/template")
    ResponseEntity<byte[]> template(@RequestParam String set, @RequestParam String period,
                                    @RequestParam(defaultValue = "万元") String amountUnit,
                                    @RequestParam(defaultValue = "xlsx") String format) {
        return IntakeApi.download(templates, scope, ItemSet.parse(set), Period.parse(period), amountUnit, format);
    }

    @PostMapping("/intake")
    @PreAuthorize("hasAnyRole('ANALYST','LOCAL')")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam String period,
                  @RequestParam(defaultValue = "false") boolean rescore, Authentication auth, Model model) throws IOException {
        form(model);
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("chosenPeriod", period);
        try {
            Period p = Period.parse(period);
            model.addAttribute("result", files.importFile(file.getOriginalFilename(), FileImportService.bytes(file), p, auth.getName(),
                    scope.visible(), scope.visible(), rescore));
        } catch (IntakeRejectedException e) {
            model.addAttribute("findings", e.findings());
            model.addAttribute("problemCount", e.total());
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "intake/upload";
    }
}
