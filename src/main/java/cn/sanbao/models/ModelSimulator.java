package cn.sanbao.models;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import cn.sanbao.engine.EarlierPeriods;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.ScoringEngine;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.engine.UnitInput;
import cn.sanbao.engine.UnitScore;
import cn.sanbao.facts.FactResolver;
import cn.sanbao.facts.UnitFacts;
import cn.sanbao.monitoring.ModelRegistry;
import cn.sanbao.monitoring.ModelVersion;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRun;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.region.RegionTree;

/**
 * Scores a draft model on a past period with exactly the data the period's latest run used (the same
 * data revision), and sets it beside that run's stored grades. Nothing is stored.
 */
@Service
public class ModelSimulator {

    private final ModelRegistry models;
    private final ResultRepository results;
    private final FactResolver resolver;
    private final RegionTree regions;

    public ModelSimulator(ModelRegistry models, ResultRepository results, FactResolver resolver, RegionTree regions) {
        this.regions = regions;
        this.models = models;
        this.results = results;
        this.resolver = resolver;
    }

    public Simulation simulate(ModelVersion draft, Period period) {
        ScoringRun run = results.latestRun(period).orElseThrow(() -> new NoSuchElementException(period.label() + "尚未运行监测，无法模拟"));
        ScoringEngine engine = models.engine(draft);
        ScoringModel model = engine.model();
        Map<String, UnitFacts> facts = resolver.resolve(period, run.asOfRevision(), EarlierPeriods.of(model));
        List<Simulation.Line> lines = new ArrayList<>();
        for (UnitRanking r : results.ranking(run, code -> true)) {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            UnitFacts f = facts.get(r.unitCode());
            if (f != null) f.items().forEach((name, v) -> values.put(name, v.amount())); // earlier values under their lag name
            UnitScore s = engine.score(new UnitInput(r.unitCode(), period, values, r.consolidated(), regions.attributes(r.unitCode())));
            lines.add(new Simulation.Line(r.unitCode(), r.unitName(), r.consolidated(), r.total(), r.grade(), r.gradeName(),
                    s.total(), s.grade(), model.gradeNameOrMissing(s.grade())));
        }
        return new Simulation(period.code(), period.label(), run.id(), run.asOfRevision(),
                models.version(run.modelVersionId()).label(), lines);
    }
}
