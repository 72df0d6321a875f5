package cn.sanbao.intake;

import cn.sanbao.kernel.Period;
import cn.sanbao.security.UnitScope;
import cn.sanbao.shared.web.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

@RestController
@JsonApi
@RequestMapping("/api/intake")
@Tag(name = "数据报送", description = "报送模板下载、文件导入、推送接口、修订差异")
class IntakeApi {

    /** Error body: the same fields as other API errors plus each problem's file, sheet, row, column and reason. */
    record RejectedBody(int status, String error, List<String> details, List<Finding> problems) {
    }

    private final TemplateService templates;
    private final FileImportService files;
    private final PushService push;
    private final RevisionDiff diff;
    private final UnitScope scope;

    IntakeApi(TemplateService templates, FileImportService files, PushService push, RevisionDiff diff, UnitScope scope) {
        this.templates = templates;
        this.files = files;
        this.push = push;
        this.diff = diff;
        this.scope = scope;
    }

    @GetMapping("/templates/{set}")
    @Operation(summary = "下载报送模板（monthly 月报 / weekly 周报 / annual 年度计划；format=xlsx|csv；amountUnit=元|万元）")
    ResponseEntity<byte[]> template(@PathVariable String set, @RequestParam String period,
                                    @RequestParam(defaultValue = "万元") String amountUnit,
                                    @RequestParam(defaultValue = "xlsx") String format) {
        return download(templates, scope, ItemSet.parse(set), Period.parse(period), amountUnit, format);
    }

    static ResponseEntity<byte[]> download(TemplateService templates, UnitScope scope, ItemSet set, Period period,
                                           String amountUnit, String format) {
        AmountUnit unit = AmountUnit.parse(amountUnit);
        if (unit == null) throw new IllegalArgumentException("金额单位应为“元”或“万元”");
        boolean csv = "csv".equalsIgnoreCase(format);
        if (!csv && !"xlsx".equalsIgnoreCase(format)) throw new IllegalArgumentException("格式应为 xlsx 或 csv");
        byte[] body = csv ? templates.csv(set, period, unit, scope.visible()) : templates.xlsx(set, period, unit, scope.visible());
        String name = "三保数据报送模板-" + set.label() + "-" + period.code() + (csv ? ".csv" : ".xlsx");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(body);
    }

    @PostMapping(path = "/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ANALYST','LOCAL')")
    @Operation(summary = "上传填好的模板（xlsx 或 csv）；全部检查通过才保存为一个数据修订")
    ResponseEntity<ImportResult> upload(@RequestParam("file") MultipartFile file, @RequestParam String period,
                                        @RequestParam(defaultValue = "false") boolean rescore, Authentication auth) throws IOException {
        ImportResult r = files.importFile(file.getOriginalFilename(), FileImportService.bytes(file), Period.parse(period), auth.getName(),
                scope.visible(), scope.visible(), rescore);
        return ResponseEntity.status(r.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(r);
    }

    @PostMapping(path = "/push", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ANALYST','LOCAL')")
    @Operation(summary = "推送数据（JSON），请求头 Idempotency-Key 保证重试不会重复保存")
    ResponseEntity<ImportResult> push(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                      @RequestBody String body, @RequestParam(defaultValue = "false") boolean rescore,
                                      Authentication auth) {
        PushService.Outcome o = push.push(key, body, auth.getName(), scope.visible(), scope.visible(), rescore);
        return ResponseEntity.status(o.replayed() || o.result().duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Idempotent-Replayed", String.valueOf(o.replayed())).body(o.result());
    }

    @GetMapping("/revisions/{id}/diff")
    @Operation(summary = "一次数据修订与此前有效数据的差异（单位、数据项、原值、新值、变化）")
    RevisionDiff.Result diff(@PathVariable long id) {
        return diff.of(id, scope.visible());
    }

    @ExceptionHandler(IntakeRejectedException.class)
    ResponseEntity<RejectedBody> rejected(IntakeRejectedException e) {
        return ResponseEntity.badRequest().body(new RejectedBody(400, "数据未保存，共 " + e.count() + "错误",
                e.findings().stream().map(Finding::text).toList(), e.findings()));
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ResponseEntity<RejectedBody> conflict(IdempotencyConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new RejectedBody(409, e.getMessage(), List.of(), List.of()));
    }
}
