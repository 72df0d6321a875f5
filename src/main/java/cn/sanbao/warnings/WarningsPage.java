package cn.sanbao.warnings;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import cn.sanbao.kernel.Period;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.security.UnitScope;
import cn.sanbao.shared.web.Page;
import cn.sanbao.shared.web.PageRequest;
import cn.sanbao.shared.web.ScreenText;
import cn.sanbao.shared.web.XlsxDownload;
import cn.sanbao.notify.OutboxMessage;
import cn.sanbao.warnings.letter.LetterService;
import cn.sanbao.notify.DeliveryService;

/** 预警处置 screens: case list with publishing, case page with actions, letter preview, delivery log. */
@Controller
class WarningsPage {

    private final CaseService cases;
    private final WarningRepository queries;
    private final PublicationService publishing;
    private final PublicationRepository publications;
    private final LetterService letters;
    private final DeliveryService deliveries;
    private final ResultRepository results;
    private final UnitScope scope;
    private final CaseGrades grades;
    private final ScreenText text;
    private final EscalationService escalations;
    private final NoticeService notices;

    WarningsPage(EscalationService escalations, NoticeService notices, CaseService cases, WarningRepository queries, PublicationService publishing, PublicationRepository publications,
                 LetterService letters, DeliveryService deliveries, ResultRepository results, UnitScope scope, CaseGrades grades,
                 ScreenText text) {
        this.escalations = escalations;
        this.notices = notices;
        this.cases = cases;
        this.queries = queries;
        this.publishing = publishing;
        this.publications = publications;
        this.letters = letters;
        this.deliveries = deliveries;
        this.results = results;
        this.scope = scope;
        this.grades = grades;
        this.text = text;
    }

    @GetMapping("/warnings")
    String list(@RequestParam(required = false) String grade, @RequestParam(required = false) String status,
                @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String city,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        Page<CaseService.CaseRow> rows = cases.page(grade, status, overdue, city, PageRequest.of(page, size));
        model.addAttribute("page", rows);
        model.addAttribute("rows", rows.rows());
        model.addAttribute("grade", grade);
        model.addAttribute("status", status);
        model.addAttribute("overdue", overdue);
        model.addAttribute("city", city);
        model.addAttribute("statuses", CaseStatus.values());
        // the grades of the model in force for the latest month, named as on the result screens
        model.addAttribute("gradeChoices", grades.names(results.latestPeriod(Period.Type.MONTH).map(Period::parse)
                .orElse(Period.month(java.time.LocalDate.now().getYear(), 1))));
        UnitScope.CityFilter cities = scope.cityFilter();
        model.addAttribute("cities", cities.cities());
        model.addAttribute("cityFilter", cities);
        model.addAttribute("publications", scope.seesAll() ? publications.publications() : List.of());
        model.addAttribute("analyst", hasRole("ROLE_ANALYST"));
        model.addAttribute("department", scope.seesAll());
        model.addAttribute("publishable", hasRole("ROLE_ANALYST") ? publishable() : List.of());
        return "warnings/list";
    }

    /** The whole filtered list (every page) as .xlsx, within the user's scope. */
    @GetMapping("/warnings/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String grade, @RequestParam(required = false) String status,
                                  @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String city) {
        return XlsxDownload.of(CaseTable.of(cases.list(grade, status, overdue, city), text), text.get("warnings.heading") + ".xlsx");
    }

    /** Months with a run whose latest run is not yet published. */
    private List<Period> publishable() {
        return results.latestPeriod(Period.Type.MONTH).map(Period::parse).map(last -> IntStream.rangeClosed(1, 12)
                .mapToObj(m -> Period.month(last.year(), m))
                .filter(p -> results.latestRun(p).filter(r -> publications.publicationForRun(r.id()).isEmpty()).isPresent())
                .toList()).orElse(List.of());
    }

    /** Step 1 of 发布并发出预警: who would get what; nothing is stored or sent. */
    @GetMapping("/warnings/publish")
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('ANALYST')")
    String preview(@RequestParam String period, Model model, RedirectAttributes flash) {
        try {
            model.addAttribute("p", publishing.preview(Period.parse(period)));
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/warnings";
        }
        return "warnings/publish-preview";
    }

    /** Step 2: publish the previewed run and queue its messages. */
    @PostMapping("/warnings/publish")
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('ANALYST')")
    String publish(@RequestParam String period, @RequestParam(required = false) Long runId, Authentication auth,
                   RedirectAttributes flash) {
        try {
            if (runId == null) throw new IllegalArgumentException("请先点“预览发送对象”核对收件人和消息，再确认发布");
            Publication p = publishing.publishConfirmed(Period.parse(period), runId, auth.getName());
            flash.addFlashAttribute("message", Period.parse(period).label() + "监测结果已发布：预警 " + p.warningCount() + " 个单位，待发送消息 " + p.messageCount() + " 条");
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/warnings";
    }

    @GetMapping("/warnings/cases/{id}")
    String casepage(@PathVariable long id, Model model) {
        model.addAttribute("d", queries.detail(id));
        model.addAttribute("analyst", hasRole("ROLE_ANALYST"));
        model.addAttribute("decides", hasRole("ROLE_ANALYST") || hasRole("ROLE_LEADER"));
        model.addAttribute("levels", EscalationLevel.values());
        model.addAttribute("escalations", escalations.ofCase(id));
        model.addAttribute("today", java.time.LocalDate.now());
        model.addAttribute("local", hasRole("ROLE_LOCAL"));
        return "warnings/case";
    }

    @PostMapping("/warnings/cases/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String text,
               @RequestParam(required = false) MultipartFile file, Authentication auth, RedirectAttributes flash) throws IOException {
        try {
            switch (action) {
                case "plan" -> {
                    if (file != null && !file.isEmpty()) cases.attach(id, auth.getName(), file.getOriginalFilename(), file.getContentType(), file.getBytes());
                    cases.submitPlan(id, auth.getName(), text);
                }
                case "accept" -> cases.acceptPlan(id, auth.getName(), text);
                case "return" -> cases.returnPlan(id, auth.getName(), text);
                case "close" -> cases.close(id, auth.getName(), text);
                case "comment" -> cases.comment(id, auth.getName(), text);
                case "attach" -> cases.attach(id, auth.getName(), file == null ? null : file.getOriginalFilename(),
                        file == null ? null : file.getContentType(), file == null ? null : file.getBytes());
                default -> throw new IllegalArgumentException("未知操作：" + action);
            }
            flash.addFlashAttribute("message", "已保存");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/warnings/cases/" + id;
    }

    /** 升级处置 by a leader or analyst: raise or lower the escalation with a date and reason. */
    @PostMapping("/warnings/cases/{id}/escalation")
    String escalate(@PathVariable long id, @RequestParam(required = false) String level,
                    @RequestParam(required = false) java.time.LocalDate decidedOn, @RequestParam(required = false) String reason,
                    @RequestParam(required = false) java.time.LocalDateTime meetingAt, @RequestParam(required = false) String meetingPlace,
                    @RequestParam(required = false) String attendees, @RequestParam(required = false) String referralTo,
                    Authentication auth, RedirectAttributes flash) {
        try {
            escalations.decide(id, auth.getName(), new EscalationService.Decision(level, decidedOn, reason, meetingAt,
                    meetingPlace, attendees, referralTo));
            flash.addFlashAttribute("message", "升级处置已调整");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", "未调整：" + e.getMessage());
        }
        return "redirect:/warnings/cases/" + id;
    }

    /** 通报批评 of a month: the units and reasons, with DOCX and PDF. */
    @GetMapping("/warnings/notices")
    String notices(@RequestParam(required = false) String period, Model model) {
        Period month = period == null || period.isBlank()
                ? results.latestPeriod(Period.Type.MONTH).map(Period::parse).orElse(Period.month(java.time.LocalDate.now().getYear(), 1))
                : Period.parse(period);
        model.addAttribute("month", month);
        model.addAttribute("lines", notices.lines(month));
        return "warnings/notice";
    }

    @GetMapping("/warnings/notices/{period}.docx")
    ResponseEntity<byte[]> noticeDocx(@PathVariable String period, Authentication auth) {
        Period month = Period.parse(period);
        return WarningsDownloads.file(notices.docx(month, auth.getName()), "通报批评-" + month.code() + ".docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @GetMapping("/warnings/notices/{period}.pdf")
    ResponseEntity<byte[]> noticePdf(@PathVariable String period, Authentication auth) {
        Period month = Period.parse(period);
        return WarningsDownloads.file(notices.pdf(month, auth.getName()), "通报批评-" + month.code() + ".pdf",
                org.springframework.http.MediaType.APPLICATION_PDF_VALUE);
    }

    @GetMapping("/warnings/cases/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        CaseRepository.Attachment a = queries.attachmentInfo(id, attachmentId);
        return WarningsDownloads.file(queries.attachment(id, attachmentId), a.fileName(), a.contentType());
    }

    @GetMapping("/warnings/letters/{warningId}")
    String letter(@PathVariable long warningId, Model model) {
        model.addAttribute("letter", letters.letter(warningId));
        model.addAttribute("warning", publications.warning(warningId).orElseThrow());
        return "warnings/letter";
    }

    @GetMapping("/warnings/letters/{warningId}.docx")
    ResponseEntity<byte[]> docx(@PathVariable long warningId, Authentication auth) {
        return WarningsDownloads.docx(letters, warningId, auth.getName());
    }

    @GetMapping("/warnings/letters/{warningId}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long warningId, Authentication auth) {
        return WarningsDownloads.pdf(letters, warningId, auth.getName());
    }

    @GetMapping("/warnings/deliveries")
    String deliveries(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                      @RequestParam(required = false) Integer size, Model model) {
        if (!scope.seesAll()) throw new AccessDeniedException("发送记录仅限自治区用户查看");
        Page<OutboxMessage> messages = deliveries.messages(status, PageRequest.of(page, size));
        model.addAttribute("page", messages);
        model.addAttribute("messages", messages.rows());
        model.addAttribute("status", status);
        model.addAttribute("analyst", hasRole("ROLE_ANALYST"));
        return "warnings/deliveries";
    }

    @PostMapping("/warnings/deliveries/{id}/retry")
    String retry(@PathVariable long id, Authentication auth, RedirectAttributes flash) {
        try {
            deliveries.retry(id, auth.getName());
            flash.addFlashAttribute("message", "消息 #" + id + " 已重新发送");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/warnings/deliveries";
    }

    private static boolean hasRole(String authority) {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }
}
