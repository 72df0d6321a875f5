package cn.sanbao.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 审计日志 for the audit administrator (URL rule in SecurityConfig): search, Excel export, chain check. */
@Controller
class AuditPage {

    private static final int SHOWN = 500;

    private final AuditTrail trail;
    private final AuditLog audit;

    AuditPage(AuditTrail trail, AuditLog audit) {
        this.trail = trail;
        this.audit = audit;
    }

    @GetMapping("/audit")
    String search(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                  @RequestParam(required = false) String target,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        AuditQuery q = new AuditQuery(actor, action, target, from, to);
        List<AuditEvent> events = trail.search(q);
        model.addAttribute("q", q);
        model.addAttribute("total", events.size());
        model.addAttribute("events", events.subList(0, Math.min(SHOWN, events.size())));
        model.addAttribute("shown", SHOWN);
        model.addAttribute("actions", new AuditActionsView());
        return "audit/list";
    }

    @GetMapping("/audit/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                  @RequestParam(required = false) String target,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  Principal principal, HttpServletRequest request) {
        AuditQuery q = new AuditQuery(actor, action, target, from, to);
        List<AuditEvent> events = trail.search(q);
        byte[] body = AuditExcel.write(events);
        audit.record(principal.getName(), "EXPORT", "audit", "导出审计日志 " + events.size() + " 条（条件：" + describe(q) + "）",
                request.getRemoteAddr());
        return cn.sanbao.shared.web.XlsxDownload.bytes(body, "审计日志.xlsx");
    }

    @PostMapping("/audit/verify")
    String verify(Principal principal, HttpServletRequest request, Model model) {
        ChainCheck check = trail.verify();
        audit.record(principal.getName(), "AUDIT_VERIFY", "audit", check.intact()
                ? "审计链完整，校验 " + check.checked() + " 条" : "审计链被破坏：" + check.reason(), request.getRemoteAddr());
        model.addAttribute("check", check);
        return "audit/verify";
    }

    private static String describe(AuditQuery q) {
        StringBuilder sb = new StringBuilder();
        if (q.actor() != null && !q.actor().isBlank()) sb.append("操作人=").append(q.actor()).append(' ');
        if (q.action() != null && !q.action().isBlank()) sb.append("操作=").append(q.action()).append(' ');
        if (q.target() != null && !q.target().isBlank()) sb.append("对象=").append(q.target()).append(' ');
        if (q.from() != null) sb.append("自 ").append(q.from()).append(' ');
        if (q.to() != null) sb.append("至 ").append(q.to());
        return sb.isEmpty() ? "全部" : sb.toString().trim();
    }

    /** Lets the template call AuditActions.name(...). */
    static final class AuditActionsView {
        public String name(String code) {
            return AuditActions.name(code);
        }
    }
}
