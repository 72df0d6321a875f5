package cn.sanbao.monitoring;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import cn.sanbao.kernel.Period;
import cn.sanbao.security.UnitScope;
import cn.sanbao.shared.web.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@RequestMapping("/api")
@Tag(name = "监测", description = "监测模型、监测运行、结果及其解释")
class MonitoringApi {

    private final ModelRegistry models;
    private final ScoringRunService scoring;
    private final ResultRepository results;
    private final UnitScope scope;

    MonitoringApi(ModelRegistry models, ScoringRunService scoring, ResultRepository results, UnitScope scope) {
        this.models = models;
        this.scoring = scoring;
        this.results = results;
        this.scope = scope;
    }

    @GetMapping("/models")
    @Operation(summary = "全部模型版本")
    List<ModelVersion> models() {
        return models.all();
    }

    @GetMapping("/models/{id}")
    @Operation(summary = "一个模型版本（含 YAML 原文）")
    ModelVersion model(@PathVariable long id) {
        return models.version(id);
    }

    @PostMapping("/runs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "对一个月或一周运行监测（自治区分析员）；重复运行产生新的运行记录，旧记录保留")
    ScoringRun run(@RequestParam String period, @RequestParam(required = false) String note, Authentication auth) {
        return scoring.run(Period.parse(period), auth.getName(), note);
    }

    @GetMapping("/runs")
    @Operation(summary = "监测运行记录，最新在前；可按期间筛选")
    List<ScoringRun> runs(@RequestParam(required = false) String period) {
        List<ScoringRun> runs = scoring.runs(period == null ? null : Period.parse(period).code());
        if (scope.seesAll()) return runs;
        // a run's note is the analysts' working text, not for city and county users
        return runs.stream().map(r -> new ScoringRun(r.id(), r.period(), r.periodType(), r.modelVersionId(), r.asOfRevision(),
                r.unitCount(), r.startedBy(), r.startedAt(), r.finishedAt(), null)).toList();
    }

    @GetMapping("/runs/{id}/results")
    @Operation(summary = "一次运行的全部结果（仅限当前用户可见的单位）")
    List<UnitRanking> runResultRepository(@PathVariable long id) {
        ScoringRun run = results.run(id).orElseThrow(() -> new NoSuchElementException("监测运行 #" + id + " 不存在"));
        return results.ranking(run, scope.visible());
    }

    @GetMapping("/results/{period}")
    @Operation(summary = "某期间最新一次运行的结果，含与上期相比的等级变化")
    Map<String, Object> periodResults(@PathVariable String period) {
        Period p = Period.parse(period);
        ScoringRun run = results.latestRun(p).orElseThrow(() -> new NoSuchElementException(p.label() + "尚未运行监测"));
        List<UnitRanking> rows = results.ranking(run, scope.visible());
        return Map.of("run", run, "gradeCounts", results.gradeCounts(rows), "units", rows);
    }

    @GetMapping("/results/{period}/{unit}")
    @Operation(summary = "某单位某期间的得分解释：输入（含数据修订号）、公式、数值、分档、得分、权重、一票否决，以及与上期相比变化最大的指标")
    Map<String, Object> unitResult(@PathVariable String period, @PathVariable String unit) {
        scope.require(unit);
        Period p = Period.parse(period);
        ScoringRun run = results.latestRun(p).orElseThrow(() -> new NoSuchElementException(p.label() + "尚未运行监测"));
        return Map.of("explanation", results.explanation(run.id(), unit), "changes", results.moves(run, unit, 5));
    }

    @GetMapping("/units/{unit}/history")
    @Operation(summary = "某单位全年各期的总分和等级；不给 year 时为最近一次月度监测所在年度")
    List<UnitRanking> history(@PathVariable String unit, @RequestParam(required = false) Integer year,
                              @RequestParam(defaultValue = "MONTH") Period.Type type) {
        // scope first, so a refused request is refused whatever its parameters
        scope.require(unit);
        int y = year != null ? year : results.latestPeriod(Period.Type.MONTH).map(p -> Period.parse(p).year())
                .orElseThrow(() -> new NoSuchElementException("尚未运行监测"));
        return results.history(unit, y, type);
    }
}
