package cn.sanbao.security;

import java.security.Principal;
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

    UserAdminPages(AccountService accounts) {
        this.accounts = accounts;
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
        return act(flash, "/admin/users", "已创建用户 " + username + "，请安全管理员分配角色",
                () -> accounts.create(p.getName(), username.trim(), displayName, password));
    }

    @PostMapping("/admin/users/{username}/password")
    String reset(Principal p, @PathVariable String username, @RequestParam String password, RedirectAttributes flash) {
        return act(flash, "/admin/users", "已重置 " + username + " 的密码，下次登录须修改",
                () -> accounts.resetPassword(p.getName(), username, password));
    }

    @PostMapping("/admin/users/{username}/enabled")
    String enable(Principal p, @PathVariable String username, @RequestParam boolean enabled, RedirectAttributes flash) {
        return act(flash, "/admin/users", (enabled ? "已启用 " : "已停用 ") + username,
                () -> accounts.setEnabled(p.getName(), username, enabled));
    }

    @PostMapping("/admin/users/{username}/unlock")
    String unlock(Principal p, @PathVariable String username, RedirectAttributes flash) {
        return act(flash, "/admin/users", "已解除 " + username + " 的锁定", () -> accounts.unlock(p.getName(), username));
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
        return act(flash, "/admin/roles", "已更新 " + username + " 的角色与权限范围",
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
