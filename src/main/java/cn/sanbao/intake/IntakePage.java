package cn.sanbao.intake;

import cn.sanbao.engine.Period;
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

import java.io.IOException;

/** 数据报送 screen: template download, upload with the full error list or the diff of the new revision. */
@Controller
class IntakePage {

    private final TemplateService templates;
    private final FileImportService files;
    private final UnitScope scope;

    IntakePage(TemplateService templates, FileImportService files, UnitScope scope) {
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
