package cn.sanbao.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import cn.sanbao.kernel.Period;
import cn.sanbao.monitoring.ModelRegistry;
import cn.sanbao.monitoring.ModelVersion;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRun;

/** Which stored periods a model version applies to, for the approver's simulation and the re-run offer. */
@Service
class ModelCoverage {

    /** The periods to re-run after publication, each with the simulated grade changes. */
    public record RerunOffer(List<Simulation> simulations) {

        public List<String> periods() {
            return simulations.stream().map(Simulation::period).toList();
        }

        public long changedUnits() {
            return simulations.stream().mapToLong(Simulation::changedCount).sum();
        }
    }

    private final ModelRegistry models;
    private final ResultRepository results;
    private final ModelSimulator simulator;

    ModelCoverage(ModelRegistry models, ResultRepository results, ModelSimulator simulator) {
        this.models = models;
        this.results = results;
        this.simulator = simulator;
    }

    /** Months with a run from the version's effective month on; the latest month with a run if there are none. */
    List<String> simulationPeriods(ModelVersion v) {
        List<String> months = runsFrom(v, Period.Type.MONTH).keySet().stream().map(Period::code).toList();
        if (!months.isEmpty()) return months;
        return results.latestPeriod(Period.Type.MONTH).map(List::of).orElse(List.of());
    }

    /** Stored periods (months and weeks) now in this version's scope whose latest run used another version. */
    RerunOffer rerunOffer(ModelVersion v) {
        List<Simulation> sims = new ArrayList<>();
        for (Period.Type type : List.of(Period.Type.MONTH, Period.Type.WEEK))
            runsFrom(v, type).forEach((p, run) -> {
                if (run.modelVersionId() != v.id() && models.publishedFor(p).id() == v.id()) sims.add(simulator.simulate(v, p));
            });
        return new RerunOffer(sims);
    }

    private Map<Period, ScoringRun> runsFrom(ModelVersion v, Period.Type type) {
        Period from = Period.parse(v.effectiveFrom());
        Map<Period, ScoringRun> out = new java.util.TreeMap<>();
        int last = results.latestPeriod(Period.Type.MONTH).map(p -> Period.parse(p).year()).orElse(from.year());
        for (int y = from.year(); y <= last; y++)
            results.latestRuns(y, type).forEach((p, run) -> {
                if (!p.startDate().isBefore(from.startDate())) out.put(p, run);
            });
        return out;
    }
}
