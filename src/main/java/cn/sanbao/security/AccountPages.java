package cn.sanbao.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Landing page after sign-in (by role) and the change-own-password screen. */
@Controller
class AccountPages {

    private final AccountService accounts;

    AccountPages(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/home")
    String home(Authentication auth) {
        if (has(auth, Roles.SYSTEM_ADMIN)) return "redirect:/admin/users";
        if (has(auth, Roles.SECURITY_ADMIN)) return "redirect:/admin/roles";
        if (has(auth, Roles.AUDITOR)) return "redirect:/audit";
        if (has(auth, Roles.OPERATIONS)) return "redirect:/actuator/health";
        if (has(auth, Roles.ANALYST) || has(auth, Roles.LEADER) || has(auth, Roles.LOCAL)) return "redirect:/dashboard";
        return "account/no-role";
    }

    @GetMapping("/account/password")
    String passwordForm(Authentication auth, Model model) {
        model.addAttribute("forced", auth.getAuthorities().stream()
                .anyMatch(a -> Roles.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority())));
        return "account/password";
    }

    /** After a change the session ends; the user signs in again with the new password. */
    @PostMapping("/account/password")
    String change(Principal principal, @RequestParam String current, @RequestParam String password,
                  @RequestParam String confirm, HttpServletRequest request, Model model) throws ServletException {
        try {
            if (!password.equals(confirm)) throw new IllegalArgumentException("两次输入的新密码不一致");
            accounts.changeOwnPassword(principal.getName(), current, password, request.getRemoteAddr());
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("forced", false);
            return "account/password";
        }
        request.logout();
        return "redirect:/login?changed";
    }

    private static boolean has(Authentication auth, String role) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }
}
