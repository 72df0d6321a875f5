package cn.sanbao.projects;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import cn.sanbao.projects.library.Project;
import cn.sanbao.projects.library.ProjectLibrary;
import cn.sanbao.projects.library.ProjectState;
import cn.sanbao.projects.library.ProjectRepository;
import cn.sanbao.projects.library.Transition;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.projects.review.ReviewResult;
import cn.sanbao.projects.review.ReviewService;
import cn.sanbao.projects.trace.PillarTrace;
import cn.sanbao.projects.trace.TraceService;
import cn.sanbao.security.UnitScope;
import cn.sanbao.shared.web.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API of the project library, budget review and traceability. */
@RestController
@JsonApi
@RequestMapping("/api/projects")
@Tag(name = "项目库、预算编审与追溯")
class LibraryApi {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ProjectRepository store;
    private final ProjectLibrary library;
    private final ReviewService review;
    private final TraceService trace;
    private final UnitScope scope;

    LibraryApi(ProjectRepository store, ProjectLibrary library, ReviewService review, TraceService trace, UnitScope scope) {
        this.store = store;
        this.library = library;
        this.review = review;
        this.trace = trace;
        this.scope = scope;
    }

    @GetMapping("/library/{year}")
    @Operation(summary = "项目库（按权限范围，可按单位、三保标识筛选）")
    List<Project> projects(@PathVariable int year, @RequestParam(required = false) String unit,
                           @RequestParam(required = false) String tag) {
        if (unit != null) scope.require(unit);
        return store.ofYear(year, scope.visible()).stream()
                .filter(p -> unit == null || p.unitCode().equals(unit))
                .filter(p -> tag == null || p.tag().name().equals(tag) || p.tag().label().equals(tag)).toList();
    }

    @GetMapping("/library/{year}/export")
    @Operation(summary = "导出项目库 Excel")
    ResponseEntity<byte[]> export(@PathVariable int year, @RequestParam(required = false) String unit) {
        return xlsx(library.export(projects(year, unit, null)), "项目库-" + year + ".xlsx");
    }

    @PostMapping("/library/import")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ANALYST')")
    @Operation(summary = "导入项目库 Excel（全部通过才保存）")
    Map<String, Object> importExcel(@RequestParam("file") MultipartFile file, Authentication auth) throws IOException {
        return Map.of("import", library.importExcel(ListDemandApi.name(file), file.getInputStream(), auth.getName()));
    }

    @PostMapping("/library")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ANALYST')")
    @Operation(summary = "新建项目（字段同 Excel 列名）")
    Project create(@RequestBody Map<String, String> cells, Authentication auth) {
        return store.create(library.checked(cells, "项目录入"), auth.getName());
    }

    @GetMapping("/library/projects/{id}")
    Project project(@PathVariable long id) {
        Project p = store.get(id);
        scope.require(p.unitCode());
        return p;
    }

    @PutMapping("/library/projects/{id}")
    @PreAuthorize("hasRole('ANALYST')")
    @Operation(summary = "修改项目")
    Project update(@PathVariable long id, @RequestBody Map<String, String> cells, Authentication auth) {
        return store.update(id, library.checked(cells, "项目修改"), auth.getName());
    }

    @PostMapping("/library/projects/{id}/state")
    @PreAuthorize("hasRole('ANALYST')")
    @Operation(summary = "项目状态流转（储备→申报→审核→批复→执行→结项，审核可退回申报）")
    Project move(@PathVariable long id, @RequestBody Map<String, String> body, Authentication auth) {
        ProjectState to = ProjectState.parse(body.getOrDefault("to", ""));
        if (to == null) throw new IllegalArgumentException("未知的项目状态“" + body.get("to") + "”");
        return store.move(id, to, auth.getName(), body.get("note"));
    }

    @GetMapping("/library/projects/{id}/transitions")
    List<Transition> transitions(@PathVariable long id) {
        project(id);
        return store.transitions(id);
    }

    @GetMapping("/review/{unit}/{year}")
    @Operation(summary = "单位预算编审结果")
    ReviewResult review(@PathVariable String unit, @PathVariable int year) {
        scope.require(unit);
        return review.review(unit, year);
    }

    @GetMapping("/review/{unit}/{year}/export")
    ResponseEntity<byte[]> reviewExcel(@PathVariable String unit, @PathVariable int year) {
        return xlsx(review.excel(review(unit, year)), "预算编审-" + unit + "-" + year + ".xlsx");
    }

    @GetMapping("/trace/{unit}/{year}/{pillar}")
    @Operation(summary = "追溯：单位三保需求 → 测算明细 → 项目 → 支付")
    PillarTrace trace(@PathVariable String unit, @PathVariable int year, @PathVariable String pillar,
                      @RequestParam(required = false) LocalDate upTo) {
        scope.require(unit);
        Pillar p = Pillar.parseSanbao(pillar);
        if (p == null) throw new IllegalArgumentException("未知的保障类别“" + pillar + "”");
        return trace.pillar(unit, year, p, upTo == null ? LocalDate.of(year, 12, 31) : upTo);
    }

    @GetMapping("/trace/{unit}/{year}/projects/{code}")
    @Operation(summary = "追溯：项目 → 支付明细")
    TraceService.ProjectTrace traceProject(@PathVariable String unit, @PathVariable int year, @PathVariable String code,
                                           @RequestParam(required = false) LocalDate upTo) {
        scope.require(unit);
        return trace.project(unit, code, year, upTo == null ? LocalDate.of(year, 12, 31) : upTo);
    }

    static ResponseEntity<byte[]> xlsx(byte[] body, String fileName) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
