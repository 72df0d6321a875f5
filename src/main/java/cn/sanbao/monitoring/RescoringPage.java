package cn.sanbao.monitoring;

import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.web.Page;
import cn.sanbao.shared.web.PageRequest;
import cn.sanbao.shared.web.ScreenText;
import cn.sanbao.shared.web.XlsxDownload;
import java.security.Principal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 导入后重新评分 (the department's view: every import of every unit): every re-scoring an import asked for, with its run or the reason it did not run; paged, exported. */
@Controller
@PreAuthorize("hasAnyRole('ANALYST', 'LEADER')")
class RescoringPage {

    /** An export holds at most this many rows (one per import; years of daily imports fit). */
    static final int EXPORT_ROWS = 100_000;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RescoringRepository rescorings;
    private final ScreenText text;
    private final AuditLog audit;

    RescoringPage(RescoringRepository rescorings, ScreenText text, AuditLog audit) {
        this.rescorings = rescorings;
        this.text = text;
        this.audit = audit;
    }

    @GetMapping("/monitoring/rescorings")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        Page<RescoringRequest> rows = rescorings.page(PageRequest.of(page, size));
        model.addAttribute("page", rows);
        model.addAttribute("rows", rows.rows());
        return "monitoring/rescorings";
    }

    @GetMapping("/monitoring/rescorings/export")
    ResponseEntity<byte[]> export(Principal principal) {
        List<RescoringRequest> rows = rescorings.latest(EXPORT_ROWS);
        Table.Builder t = Table.builder(text.get("console.rescoring.heading"))
                .text(text.get("console.rescoring.revision")).text(text.get("console.rescoring.period"))
                .text(text.get("console.rescoring.by")).text(text.get("console.rescoring.at")).text(text.get("console.rescoring.outcome"));
        for (RescoringRequest r : rows)
            t.row("#" + r.revisionId(), Period.parse(r.period()).label(), r.requestedBy(), r.handledAt().format(MINUTE),
                    r.runId() != null ? text.get("console.rescoring.ran", String.valueOf(r.runId())) : text.get("console.rescoring.failed", r.failure()));
        audit.record(principal.getName(), "EXPORT", "rescorings", "导出导入后重新评分记录 " + rows.size() + " 条");
        return XlsxDownload.of(t.build(), text.get("console.rescoring.heading") + ".xlsx");
    }
}
