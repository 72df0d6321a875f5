package cn.sanbao.projects;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
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
import cn.sanbao.projects.demand.DemandLine;
import cn.sanbao.projects.demand.DemandService;
import cn.sanbao.projects.demand.Estimation;
import cn.sanbao.projects.demand.ScopeRepository;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.projects.list.GuaranteeListRepository;
import cn.sanbao.projects.list.ListVersion;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.security.UnitScope;
import cn.sanbao.shared.web.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** JSON API of the guarantee list, scope data and demand estimation. */
@RestController
@JsonApi
@RequestMapping("/api/projects")
@Tag(name = "保障清单与需求测算", description = "保障清单版本、测算口径导入、需求测算、写入三保需求")
class ListDemandApi {

    private final GuaranteeListRepository lists;
    private final ScopeRepository scopes;
    private final DemandService demand;
    private final UnitScope scope;

    ListDemandApi(GuaranteeListRepository lists, ScopeRepository scopes, DemandService demand, UnitScope scope) {
        this.lists = lists;
        this.scopes = scopes;
        this.demand = demand;
        this.scope = scope;
    }

    @GetMapping("/list")
    @Operation(summary = "现行保障清单")
    ListVersion list() {
        return lists.current().orElseThrow(() -> new NoSuchElementException("尚未载入保障清单"));
    }

    @GetMapping("/list/versions")
    @Operation(summary = "保障清单各版本（新的在前）")
    List<ListVersion> versions() {
        return lists.versions();
    }

    @GetMapping("/list/versions/{id}")
    ListVersion version(@PathVariable long id) {
        return lists.version(id);
    }

    @PostMapping("/list")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ANALYST')")
    @Operation(summary = "上传清单 CSV，生成新版本")
    Map<String, Object> uploadList(@RequestParam("file") MultipartFile file, Authentication auth) throws IOException {
        long id = lists.load(name(file), file.getInputStream(), auth.getName(), "上传清单文件 " + name(file));
        return Map.of("version", id);
    }

    @PutMapping("/list/items")
    @PreAuthorize("hasRole('ANALYST')")
    @Operation(summary = "修改或新增一个清单项目（字段同 CSV 列名），生成新版本")
    Map<String, Object> editItem(@RequestBody Map<String, String> cells, Authentication auth) {
        return Map.of("version", lists.editItem(cells, auth.getName()));
    }

    @PostMapping("/scope")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ANALYST')")
    @Operation(summary = "导入测算口径 CSV 或 xlsx（全部通过才保存）")
    Map<String, Object> uploadScope(@RequestParam("file") MultipartFile file, Authentication auth) throws IOException {
        return Map.of("revision", scopes.importFile(name(file), file.getInputStream(), measures(), auth.getName()));
    }

    @PostMapping("/demand/{year}/estimate")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ANALYST')")
    @Operation(summary = "按现行清单和口径测算需求")
    Estimation estimate(@PathVariable int year, Authentication auth) {
        return demand.estimate(year, auth.getName());
    }

    @PostMapping("/demand/estimations/{id}/facts")
    @PreAuthorize("hasRole('ANALYST')")
    @Operation(summary = "写入三保需求：把测算的分类合计保存为监测模型读取的需求数据")
    Map<String, Object> writeFacts(@PathVariable long id, Authentication auth) {
        return Map.of("factRevision", demand.writeFacts(id, auth.getName()));
    }

    @GetMapping("/demand/{year}")
    @Operation(summary = "最新测算的分类合计（按权限范围）")
    Map<String, Object> totals(@PathVariable int year) {
        Estimation e = demand.latest(year).orElseThrow(() -> new NoSuchElementException(year + " 年尚未测算需求"));
        Map<String, Map<Pillar, BigDecimal>> totals = demand.pillarTotals(e.id()).entrySet().stream()
                .filter(x -> scope.visible().test(x.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
        return Map.of("estimation", e, "units", totals);
    }

    @GetMapping("/demand/{year}/{unit}")
    @Operation(summary = "一个单位的测算明细")
    List<DemandLine> lines(@PathVariable int year, @PathVariable String unit) {
        scope.require(unit);
        Estimation e = demand.latest(year).orElseThrow(() -> new NoSuchElementException(year + " 年尚未测算需求"));
        return demand.lines(e.id(), unit);
    }

    Set<String> measures() {
        return lists.measures();
    }

    static String name(MultipartFile f) {
        return f.getOriginalFilename() == null || f.getOriginalFilename().isBlank() ? "上传文件" : f.getOriginalFilename();
    }
}
