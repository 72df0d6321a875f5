package cn.sanbao.security;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
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
 * 接口令牌 for the security administrator (URL rule in SecurityConfig): issuing a token is granting a role and
 * unit scope, which is that role's job in the three-role design. The new secret travels to the page once, as a
 * flash attribute, and is never stored.
 */
@Controller
class ApiTokenPages {

    private static final List<String> ROLE_CHOICES = List.of(Roles.LOCAL_COUNTY, Roles.LOCAL_CITY, Roles.ANALYST, Roles.LEADER);

    private final ApiTokens tokens;
    private final AccountService accounts;
    private final MessageSource messages;

    ApiTokenPages(ApiTokens tokens, AccountService accounts, MessageSource messages) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/admin/tokens")
    String list(Model model) {
        List<ApiToken> all = tokens.all();
        model.addAttribute("tokens", all);
        // token id → role choice, so a LOCAL token reads 市级用户 or 县级用户 by its unit
        model.addAttribute("choices", all.stream().collect(java.util.stream.Collectors.toMap(
                ApiToken::id, t -> accounts.roleChoice(t.role(), t.scopeUnit()))));
        model.addAttribute("now", tokens.now());
        model.addAttribute("roles", ROLE_CHOICES);
        return "admin/tokens";
    }

    @PostMapping("/admin/tokens")
    String issue(Principal p, @RequestParam String name, @RequestParam String role, @RequestParam(required = false) String scope,
                 @RequestParam(required = false) String expires, RedirectAttributes flash) {
        try {
            ApiTokens.Issued issued = tokens.issue(p.getName(), name, role, scope, date(expires));
            flash.addFlashAttribute("message", text("console.tokens.issued", issued.token().name()));
            flash.addFlashAttribute("secret", issued.secret());
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/tokens";
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(Principal p, @PathVariable long id, RedirectAttributes flash) {
        try {
            tokens.revoke(p.getName(), id);
            flash.addFlashAttribute("message", text("console.tokens.revoked", String.valueOf(id)));
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/tokens";
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("有效期“" + text + "”不是日期，应为 年-月-日（如 2027-12-31）");
        }
    }

    private String text(String key, String arg) {
        return messages.getMessage(key, new Object[] {arg}, LocaleContextHolder.getLocale());
    }
}
