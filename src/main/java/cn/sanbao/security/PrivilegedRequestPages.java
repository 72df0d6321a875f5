package cn.sanbao.security;

import java.security.Principal;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 特权账号审批 for the three privileged roles: file a request, approve or reject the others' requests. */
@Controller
class PrivilegedRequestPages {

    private static final String BACK = "redirect:/admin/requests";

    private final PrivilegedRequests requests;
    private final AccountService accounts;

    PrivilegedRequestPages(PrivilegedRequests requests, AccountService accounts) {
        this.requests = requests;
        this.accounts = accounts;
    }

    @GetMapping("/admin/requests")
    String list(Model model) {
        model.addAttribute("pending", requests.pending());
        model.addAttribute("actions", Arrays.asList(ThreeRolePolicy.Action.values()));
        model.addAttribute("roles", Roles.NAMES.keySet());
        model.addAttribute("users", accounts.all());
        return "admin/requests";
    }

    @PostMapping("/admin/requests")
    String file(Principal p, @RequestParam String action, @RequestParam String target,
                @RequestParam(required = false) String role, @RequestParam(required = false) String scope,
                @RequestParam(required = false) String password, RedirectAttributes flash) {
        return act(flash, () -> "已提交申请 #" + requests.request(p.getName(), parse(action), target.trim(), role, scope, password)
                + "，待另一特权角色批准");
    }

    @PostMapping("/admin/requests/{id}/approve")
    String approve(Principal p, @PathVariable long id, RedirectAttributes flash) {
        return act(flash, () -> {
            requests.approve(p.getName(), id);
            return "已批准申请 #" + id;
        });
    }

    @PostMapping("/admin/requests/{id}/reject")
    String reject(Principal p, @PathVariable long id, RedirectAttributes flash) {
        return act(flash, () -> {
            requests.reject(p.getName(), id);
            return "已驳回申请 #" + id;
        });
    }

    private static ThreeRolePolicy.Action parse(String action) {
        try {
            return ThreeRolePolicy.Action.valueOf(action);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("未知的申请类型：" + action);
        }
    }

    private static String act(RedirectAttributes flash, java.util.function.Supplier<String> action) {
        try {
            flash.addFlashAttribute("message", action.get());
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return BACK;
    }
}
