package cn.sanbao.intake;

import cn.sanbao.kernel.Period;
import cn.sanbao.security.UnitScope;
import cn.sanbao.shared.web.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

@RestController
@JsonApi
@RequestMapping("/api/intake")
@Tag(name = "支付明细", description = "支付明细导入、三保科目配置、按类别下钻")
class PaymentApi {

    record Started(long jobId, String status) {
    }

    record Summary(long revisionId, long rows, Map<String, Map<PaymentClass, BigDecimal>> totals,
                   List<PaymentResult.Unclassified> unclassified) {
    }

    private final PaymentJobRunner runner;
    private final PaymentJobRepository jobs;
    private final PaymentRepository queries;
    private final PillarMappingService mappings;
    private final UnitScope scope;

    PaymentApi(PaymentJobRunner runner, PaymentJobRepository jobs, PaymentRepository queries, PillarMappingService mappings, UnitScope scope) {
        this.runner = runner;
        this.jobs = jobs;
        this.queries = queries;
        this.mappings = mappings;
        this.scope = scope;
    }

    @PostMapping(path = "/payments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ANALYST','LOCAL')")
    @Operation(summary = "上传支付明细（csv/xlsx），后台导入；返回任务号，轮询 /payments/jobs/{id}")
    ResponseEntity<Started> upload(@RequestParam("file") MultipartFile file, @RequestParam String period,
                                   @RequestParam(defaultValue = "false") boolean rescore, Authentication auth) throws IOException {
        long id = runner.start(file.getInputStream(), file.getOriginalFilename() == null ? "支付明细.csv" : file.getOriginalFilename(),
                Period.parse(period), auth.getName(), scope.visible(), rescore);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Started(id, "RUNNING"));
    }

    @PostMapping("/payments/jobs/{id}/cancel")
    @PreAuthorize("hasRole('ANALYST')")
    @Operation(summary = "取消排队中或进行中的支付明细导入任务（自治区分析员）；任务以 CANCELLED 结束，不保存任何数据")
    ResponseEntity<PaymentJobRepository.Job> cancel(@PathVariable long id, @RequestParam(required = false) String reason, Authentication auth) {
        boolean asked = runner.cancel(id, auth.getName(), reason);
        return ResponseEntity.status(asked ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT).body(jobs.find(id));
    }

    @GetMapping("/payments/jobs/{id}")
    @Operation(summary = "支付明细导入任务的进度与结果")
    PaymentJobRepository.Job job(@PathVariable long id, Authentication auth) {
        PaymentJobRepository.Job job = jobs.find(id);
        if (!scope.seesAll() && !job.createdBy().equals(auth.getName())) {
            throw new org.springframework.security.access.AccessDeniedException("无权查看他人的导入任务");
        }
        return job;
    }

    @GetMapping("/payments/{revisionId}")
    @Operation(summary = "一次支付明细导入：各单位各类别本月合计、未分类代码")
    Summary summary(@PathVariable long revisionId) {
        Map<String, Map<PaymentClass, BigDecimal>> totals = new java.util.TreeMap<>(queries.totals(revisionId));
        totals.keySet().removeIf(u -> !scope.visible().test(u));
        // rows: the whole import for the department, the user's own units' rows otherwise
        long rows = scope.seesAll() ? queries.count(revisionId) : queries.count(revisionId, totals.keySet());
        return new Summary(revisionId, rows, totals,
                scope.seesAll() ? queries.unclassified(revisionId) : List.of());
    }

    @GetMapping("/payments/{revisionId}/units/{unit}/pillars/{pillar}")
    @Operation(summary = "下钻：某单位某类别合计背后的每笔支付")
    List<PaymentRepository.Payment> drill(@PathVariable long revisionId, @PathVariable String unit, @PathVariable String pillar,
                                       @RequestParam(defaultValue = "500") int limit, @RequestParam(defaultValue = "0") int offset) {
        scope.require(unit);
        return queries.drill(revisionId, unit, parsePillar(pillar), limit, offset);
    }

    @GetMapping(path = "/pillar-mapping", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "当前三保科目配置（CSV：code_kind,prefix,pillar,priority,name）")
    String mapping() {
        return mappings.csv(mappings.current().id());
    }

    @GetMapping("/pillar-mapping/versions")
    List<PillarMappingService.Version> versions() {
        mappings.current();
        return mappings.versions();
    }

    @PutMapping(path = "/pillar-mapping", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasRole('ANALYST')")
    @Operation(summary = "以 CSV 整体替换三保科目配置，生成新版本（留痕）")
    PillarMappingService.Version saveMapping(@RequestBody String csv, @RequestParam(required = false) String note, Authentication auth) {
        return mappings.saveCsv(csv, note, auth.getName());
    }

    static PaymentClass parsePillar(String text) {
        try {
            return PaymentClass.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("未知的类别“" + text + "”，应为 WAGE/OPERATION/LIVELIHOOD/OTHER_RIGID/NONE/UNCLASSIFIED");
        }
    }

    @ExceptionHandler(IntakeRejectedException.class)
    ResponseEntity<IntakeApi.RejectedBody> rejected(IntakeRejectedException e) {
        return ResponseEntity.badRequest().body(new IntakeApi.RejectedBody(400, "数据未保存，共 " + e.count() + "错误",
                e.findings().stream().map(Finding::text).toList(), e.findings()));
    }
}
