package cn.sanbao.security;

import java.security.Principal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 用户管理 (system administrator: accounts, passwords, enable/disable, unlock) and 角色与权限范围
 * (security administrator: role and unit scope). Each screen is reachable by its role only.
 */
@Controller
class UserAdminPages {

    private final AccountService accounts;
    private final MessageSource messages;

    UserAdminPages(AccountService accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    /** A confirmation in the screen's language (i18n/console). */
    private String text(String key, String username) {
        return messages.getMessage(key, new Object[] {username}, LocaleContextHolder.getLocale());
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", accounts.all());
        model.addAttribute("choices", choices());
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String create(Principal p, @RequestParam String username, @RequestParam String displayName,
                  @RequestParam String password, RedirectAttributes flash) {
        return act(flash, "/admin/users", text("console.users.created", username),
                () -> accounts.create(p.getName(), username.trim(), displayName, password));
    }

    @PostMapping("/admin/users/{username}/password")
    String reset(Principal p, @PathVariable String username, @RequestParam String password, RedirectAttributes flash) {
        return act(flash, "/admin/users", text("console.users.reset", username),
                () -> accounts.resetPassword(p.getName(), username, password));
    }

    @PostMapping("/admin/users/{username}/enabled")
    String enable(Principal p, @PathVariable String username, @RequestParam boolean enabled, RedirectAttributes flash) {
        return act(flash, "/admin/users", text(enabled ? "console.users.enabled" : "console.users.disabled", username),
                () -> accounts.setEnabled(p.getName(), username, enabled));
    }

    @PostMapping("/admin/users/{username}/unlock")
    String unlock(Principal p, @PathVariable String username, RedirectAttributes flash) {
        return act(flash, "/admin/users", text("console.users.unlocked", username), () -> accounts.unlock(p.getName(), username));
    }

    @GetMapping("/admin/roles")
    String roles(Model model) {
        model.addAttribute("users", accounts.all());
        model.addAttribute("roles", Roles.NAMES.keySet());
        model.addAttribute("choices", choices());
        return "admin/roles";
    }

    @PostMapping("/admin/roles/{username}")
    String assign(Principal p, @PathVariable String username, @RequestParam(required = false) String role,
                  @RequestParam(required = false) String scope, RedirectAttributes flash) {
        return act(flash, "/admin/roles", text("console.roles.updated", username),
                () -> accounts.assignRole(p.getName(), username, role, scope));
    }

    /** Username → role choice (LOCAL shown as 市级用户 or 县级用户 by its scope); NONE when unassigned. */
    private java.util.Map<String, String> choices() {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (UserAccount u : accounts.all()) {
            String c = accounts.roleChoice(u.role(), u.scopeUnit());
            out.put(u.username(), c == null ? "NONE" : c);
        }
        return out;
    }

    private static String act(RedirectAttributes flash, String back, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("message", done);
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + back;
    }
}
