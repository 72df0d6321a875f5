package cn.sanbao.monitoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.engine.EarlierPeriods;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.ScoringEngine;
import cn.sanbao.engine.Vocabulary;
import cn.sanbao.engine.UnitInput;
import cn.sanbao.engine.UnitScore;
import cn.sanbao.facts.FactResolver;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.facts.UnitFacts;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores one period for every unit (budget units and the consolidated city and region views) with the
 * model version in force and the newest data revision, and stores the run. A re-run is a new run.
 */
@Service
public class ScoringRunService {

    private final ModelRegistry models;
    private final FactResolver resolver;
    private final FactRepository facts;
    private final RegionTree regions;
    private final RunRepository runs;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final Formats formats;
    /** sanbao.scoring.runs: count and duration of runs (docs/operations.md). */
    private final ObjectProvider<MeterRegistry> meters;
    private final ApplicationEventPublisher events;

    public ScoringRunService(ModelRegistry models, FactResolver resolver, FactRepository facts, RegionTree regions,
                             RunRepository runs, AuditLog audit, JsonMapper json, ObjectProvider<Clock> clock, Formats formats,
                             ObjectProvider<MeterRegistry> meters, ApplicationEventPublisher events) {
        this.meters = meters;
        this.events = events;
        this.formats = formats;
        this.models = models;
        this.resolver = resolver;
        this.facts = facts;
        this.regions = regions;
        this.runs = runs;
        this.audit = audit;
        this.json = json;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    @Transactional
    public ScoringRun run(Period period, String actor, String note) {
        return run(period, null, actor, note);
    }

    /** As {@link #run(Period, String, String)} with a chosen published version instead of the one in force (null = in force). */
    @Transactional
    public ScoringRun run(Period period, Long modelVersionId, String actor, String note) {
        if (period.type() == Period.Type.YEAR) throw new IllegalArgumentException("监测按月或按周进行，不能对整年打分：" + period.code());
        LocalDateTime started = LocalDateTime.now(clock);
        long t0 = System.nanoTime();
        ModelVersion version = modelVersionId == null ? models.publishedFor(period) : models.version(modelVersionId);
        // drafts and versions awaiting approval never produce stored results (四眼原则)
        if (!ModelVersion.PUBLISHED.equals(version.status()))
            throw new IllegalArgumentException(version.label() + " 尚未发布（" + version.statusLabel() + "），不能用于监测运行");
        ScoringEngine engine = models.engine(version);
        long asOf = facts.latestRevisionId();
        Map<String, UnitFacts> resolved = resolver.resolve(period, asOf, EarlierPeriods.of(engine.model()));

        Vocabulary words = formats.vocabulary(engine.model());
        Map<FiscalUnit, UnitScore> scores = new LinkedHashMap<>();
        for (FiscalUnit unit : regions.all()) {
            UnitFacts f = resolved.get(unit.code());
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            // keyed by the map's name, not the item: an earlier period's value is filed under its lag (x__Y1)
            if (f != null) f.items().forEach((name, r) -> values.put(name, r.amount()));
            scores.put(unit, engine.score(new UnitInput(unit.code(), period, values, unit.isConsolidated(), regions.attributes(unit.code()))));
        }
        long runId = runs.insertRun(period, version.id(), asOf, scores.size(), actor, started, LocalDateTime.now(clock), note);
        scores.forEach((unit, s) -> runs.insertResult(runId, s, json.writeValueAsString(
                ExplanationBuilder.build(runId, unit.name(), version, engine.model(), s, resolved.get(unit.code()), words))));
        long missing = scores.values().stream().filter(s -> !s.complete()).count();
        audit.record(actor, "SCORING_RUN", period.code(), "运行 #" + runId + "，模型 " + version.label()
                + (modelVersionId == null ? "" : "（指定版本）") + "，数据修订截至 #"
                + asOf + "，" + scores.size() + " 个单位" + (missing > 0 ? "，其中 " + missing + " 个数据缺失" : ""));
        events.publishEvent(new ScoringRunFinished(runId, period.code(), version.id(), actor));
        meters.ifAvailable(m -> m.timer("sanbao.scoring.runs", "type", period.type().name())
                .record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS));
        return runs.findRun(runId).orElseThrow();
    }

    public List<ScoringRun> runs(String period) {
        return runs.runs(period);
    }
}
