package cn.sanbao.warnings;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import cn.sanbao.kernel.Period;
import cn.sanbao.shared.web.JsonApi;
import cn.sanbao.warnings.letter.Letter;
import cn.sanbao.warnings.letter.LetterService;
import cn.sanbao.notify.DeliveryAttempt;
import cn.sanbao.notify.DeliveryService;
import cn.sanbao.notify.OutboxMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@RequestMapping("/api/warnings")
@Tag(name = "预警处置", description = "发布月度结果、预警事项、提示函、发送记录")
class WarningsApi {

    private final PublicationService publishing;
    private final PublicationRepository publications;
    private final CaseService cases;
    private final WarningRepository queries;
    private final LetterService letters;
    private final DeliveryService deliveries;
    private final ContactService contacts;

    WarningsApi(PublicationService publishing, PublicationRepository publications, CaseService cases, WarningRepository queries,
                LetterService letters, DeliveryService deliveries, ContactService contacts) {
        this.contacts = contacts;
        this.publishing = publishing;
        this.publications = publications;
        this.cases = cases;
        this.queries = queries;
        this.letters = letters;
        this.deliveries = deliveries;
    }

    @PostMapping("/publications")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ANALYST')")
    @Operation(summary = "发布某月最新一次监测运行的结果，生成预警、预警事项和待发送消息（自治区分析员）")
    Publication publish(@RequestParam String period, Authentication auth) {
        return publishing.publish(Period.parse(period), auth.getName());
    }

    @GetMapping("/publications")
    @PreAuthorize("hasAnyRole('ANALYST','LEADER')") // counts are region-wide: the department's view, as on the page
    @Operation(summary = "发布记录，最新在前（自治区用户）")
    List<Publication> publications() {
        return publications.publications();
    }

    @GetMapping("/cases")
    @Operation(summary = "预警事项（仅限可见单位），可按等级、状态、是否逾期、所属市筛选")
    List<CaseService.CaseRow> cases(@RequestParam(required = false) String grade, @RequestParam(required = false) String status,
                                    @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String city) {
        return cases.list(grade, status, overdue, city);
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "一个预警事项：历次预警、处理记录、附件；自治区用户另见发送记录")
    CaseDetail caseDetail(@PathVariable long id) {
        return queries.detail(id);
    }

    @PostMapping("/cases/{id}/plan")
    @Operation(summary = "单位反馈整改方案")
    Map<String, Object> plan(@PathVariable long id, @RequestParam String plan, Authentication auth) {
        cases.submitPlan(id, auth.getName(), plan);
        return Map.of("status", cases.get(id).c().status());
    }

    @PostMapping("/cases/{id}/accept")
    @Operation(summary = "审核通过整改方案，进入整改中（自治区分析员）")
    Map<String, Object> accept(@PathVariable long id, @RequestParam(required = false) String note, Authentication auth) {
        cases.acceptPlan(id, auth.getName(), note);
        return Map.of("status", cases.get(id).c().status());
    }

    @PostMapping("/cases/{id}/return")
    @Operation(summary = "退回整改方案（自治区分析员，须说明理由）")
    Map<String, Object> returnPlan(@PathVariable long id, @RequestParam String reason, Authentication auth) {
        cases.returnPlan(id, auth.getName(), reason);
        return Map.of("status", cases.get(id).c().status());
    }

    @PostMapping("/cases/{id}/close")
    @Operation(summary = "销号（自治区分析员，须填写销号理由）")
    Map<String, Object> close(@PathVariable long id, @RequestParam String reason, Authentication auth) {
        cases.close(id, auth.getName(), reason);
        return Map.of("status", cases.get(id).c().status());
    }

    @PostMapping("/cases/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "添加意见")
    Map<String, Object> comment(@PathVariable long id, @RequestParam String text, Authentication auth) {
        cases.comment(id, auth.getName(), text);
        return Map.of("caseId", id);
    }

    @PostMapping("/cases/{id}/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传附件（如整改方案）")
    Map<String, Object> attach(@PathVariable long id, @RequestParam MultipartFile file, Authentication auth) throws IOException {
        return Map.of("attachmentId", cases.attach(id, auth.getName(), file.getOriginalFilename(), file.getContentType(), file.getBytes()));
    }

    @GetMapping("/cases/{id}/attachments/{attachmentId}")
    @Operation(summary = "下载附件")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        CaseRepository.Attachment a = queries.attachmentInfo(id, attachmentId);
        return WarningsDownloads.file(queries.attachment(id, attachmentId), a.fileName(), a.contentType());
    }

    @GetMapping("/letters/{warningId}")
    @Operation(summary = "提示函内容（文号、标题、主送、正文、落款、日期）")
    Letter letter(@PathVariable long warningId) {
        return letters.letter(warningId);
    }

    @GetMapping("/letters/{warningId}/docx")
    @Operation(summary = "下载提示函 DOCX")
    ResponseEntity<byte[]> docx(@PathVariable long warningId, Authentication auth) {
        return WarningsDownloads.docx(letters, warningId, auth.getName());
    }

    @GetMapping("/letters/{warningId}/pdf")
    @Operation(summary = "下载提示函 PDF")
    ResponseEntity<byte[]> pdf(@PathVariable long warningId, Authentication auth) {
        return WarningsDownloads.pdf(letters, warningId, auth.getName());
    }

    @GetMapping("/contacts")
    @Operation(summary = "某单位的预警联系人（自治区用户）")
    List<Contact> contacts(@RequestParam String unit) {
        return contacts.contacts(unit);
    }

    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "添加预警联系人（自治区分析员）：unitCode、role（UNIT/LEADER）、name、title、phone、wechatKey、email")
    Map<String, Object> addContact(@org.springframework.web.bind.annotation.RequestBody NewContact c, Authentication auth) {
        return Map.of("id", contacts.add(new Contact(0, c.unitCode(), c.role(), c.name(), c.title(), c.phone(), c.wechatKey(),
                c.email(), true), auth.getName()));
    }

    record NewContact(String unitCode, String role, String name, String title, String phone, String wechatKey, String email) {
    }

    @GetMapping("/letter-template")
    @PreAuthorize("hasAnyRole('ANALYST','LEADER')") // the settings screen's data: not for city and county users
    @Operation(summary = "提示函模板（自治区用户；占位符见 docs/warnings.md）")
    Map<String, Object> template() {
        return Map.of("template", letters.template(), "placeholders", LetterService.PLACEHOLDERS);
    }

    @org.springframework.web.bind.annotation.PutMapping("/letter-template")
    @PreAuthorize("hasRole('ANALYST')") // checked before the body is read: a refused role is told so, not "bad body"
    @Operation(summary = "修改提示函模板（自治区分析员）；未知占位符被拒绝")
    Map<String, Object> updateTemplate(@org.springframework.web.bind.annotation.RequestBody(required = false) Map<String, String> t,
                                       Authentication auth) {
        if (t == null) throw new IllegalArgumentException("请求体应为 JSON 对象：title、body、actions、office、docPrefix");
        letters.updateTemplate(t.get("title"), t.get("body"), t.get("actions"), t.get("office"), t.get("docPrefix"), auth.getName());
        return template();
    }

    @GetMapping("/messages")
    @Operation(summary = "发送记录（自治区用户），可按状态筛选：PENDING、SENDING、SENT、FAILED")
    List<OutboxMessage> messages(@RequestParam(required = false) String status, @RequestParam(defaultValue = "200") int limit) {
        return deliveries.messages(status, Math.min(limit, 1000));
    }

    @GetMapping("/messages/{id}/attempts")
    @Operation(summary = "一条消息的每次发送尝试")
    List<DeliveryAttempt> attempts(@PathVariable long id) {
        return deliveries.log(id);
    }

    @PostMapping("/messages/{id}/retry")
    @Operation(summary = "手动重发发送失败的消息（自治区分析员）")
    Map<String, Object> retry(@PathVariable long id, Authentication auth) {
        deliveries.retry(id, auth.getName());
        return Map.of("messageId", id);
    }
}
