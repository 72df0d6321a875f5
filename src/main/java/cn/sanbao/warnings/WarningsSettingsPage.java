package cn.sanbao.warnings;

import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import cn.sanbao.region.RegionTree;
import cn.sanbao.warnings.letter.LetterService;

/** 预警设置: the 提示函 template and who is told, edited by analysts and readable by leaders. */
@Controller
@PreAuthorize("hasAnyRole('ANALYST','LEADER')")
class WarningsSettingsPage {

    private final LetterService letters;
    private final ContactService contacts;
    private final RegionTree regions;

    WarningsSettingsPage(LetterService letters, ContactService contacts, RegionTree regions) {
        this.letters = letters;
        this.contacts = contacts;
        this.regions = regions;
    }

    @GetMapping("/warnings/settings")
    String settings(Model model, Authentication auth) {
        model.addAttribute("template", letters.template());
        model.addAttribute("placeholders", LetterService.PLACEHOLDERS);
        model.addAttribute("history", letters.templateHistory(20));
        model.addAttribute("contacts", contacts.all());
        model.addAttribute("units", regions.all());
        model.addAttribute("analyst", auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ANALYST")));
        if (!model.containsAttribute("draft")) model.addAttribute("draft", Map.of());
        return "warnings/settings";
    }

    @PostMapping("/warnings/settings/template")
    @PreAuthorize("hasRole('ANALYST')")
    String template(@RequestParam Map<String, String> form, Authentication auth, RedirectAttributes flash) {
        try {
            letters.updateTemplate(form.get("title"), form.get("body"), form.get("actions"), form.get("office"), form.get("docPrefix"), auth.getName());
            flash.addFlashAttribute("message", "提示函模板已保存，原文本已存入修改记录");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("draft", form); // keep what was typed so nothing is lost on a refusal
        }
        return "redirect:/warnings/settings";
    }

    @PostMapping("/warnings/settings/contacts")
    @PreAuthorize("hasRole('ANALYST')")
    String addContact(@RequestParam Map<String, String> f, Authentication auth, RedirectAttributes flash) {
        try {
            contacts.add(new Contact(0, f.get("unitCode"), f.get("role"), f.get("name"), f.get("title"), f.get("phone"),
                    f.get("wechatKey"), f.get("email"), true), auth.getName());
            flash.addFlashAttribute("message", "已添加联系人 " + f.get("name"));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("contactDraft", f);
        }
        return "redirect:/warnings/settings#contacts";
    }

    @PostMapping("/warnings/settings/contacts/{id}/active")
    @PreAuthorize("hasRole('ANALYST')")
    String setActive(@PathVariable long id, @RequestParam(defaultValue = "false") boolean active, Authentication auth, RedirectAttributes flash) {
        try {
            contacts.setActive(id, active, auth.getName());
            flash.addFlashAttribute("message", active ? "联系人已恢复接收预警" : "联系人已停止接收预警（发送记录保留）");
        } catch (NoSuchElementException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/warnings/settings#contacts";
    }
}
