package cn.sanbao.dashboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import cn.sanbao.dashboard.DashboardData.GradeInfo;
import cn.sanbao.dashboard.DashboardData.MapArea;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.monitoring.ModelRegistry;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRun;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.region.RegionTree;
import cn.sanbao.region.UnitKind;

/**
 * Builds the dashboard of a month or week from the latest run of each period. A run's results never
 * change, so each period's full ranking is kept in a small cache keyed by the run and the run of the
 * previous period it is compared with; the caller's unit scope is applied after the cache.
 */
@Service
public class DashboardService {

    private static final int CACHE_SIZE = 256;

    private final ResultRepository results;
    private final ModelRegistry models;
    private final RegionTree regions;
    private final Object loading = new Object();
    private final java.util.concurrent.atomic.AtomicLong loads = new java.util.concurrent.atomic.AtomicLong();
    private final Map<String, List<UnitRanking>> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<UnitRanking>> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    public DashboardService(ResultRepository results, ModelRegistry models, RegionTree regions) {
        this.results = results;
        this.models = models;
        this.regions = regions;
    }

    /** The latest month with a run, or empty when nothing has been scored yet. */
    public Optional<Period> defaultPeriod() {
        return results.latestPeriod(Period.Type.MONTH).map(Period::parse);
    }

    /** Months and weeks of the year that have a run, months first. */
    public List<Period> periods(int year) {
        List<Period> out = new ArrayList<>(results.latestRuns(year, Period.Type.MONTH).keySet());
        out.addAll(results.latestRuns(year, Period.Type.WEEK).keySet());
        return out;
    }

    /** The latest run of a month or week, the grades of its model (数据缺失 last) and its full ranking (all units). */
    record PeriodRanking(ScoringRun run, List<GradeInfo> grades, List<UnitRanking> rows) {
    }

    /** Reads through the same cache as {@link #build}; throws when the period has no run. */
    PeriodRanking periodRanking(Period period) {
        Map<Period, ScoringRun> year = latestRuns(period);
        return periodRanking(period, year, rankings(year, period));
    }

    private Map<Period, ScoringRun> latestRuns(Period period) {
        if (period.type() == Period.Type.YEAR) throw new IllegalArgumentException("总览按月或按周查看：" + period.code());
        return results.latestRuns(period.year(), period.type());
    }

    private PeriodRanking periodRanking(Period period, Map<Period, ScoringRun> year, Map<Long, List<UnitRanking>> all) {
        ScoringRun run = year.get(period);
        if (run == null) throw new NoSuchElementException(period.label() + "尚未运行监测");
        ScoringModel model = models.engine(models.version(run.modelVersionId())).model();
        List<GradeInfo> grades = new ArrayList<>();
        model.grades().forEach(g -> grades.add(new GradeInfo(g.code(), g.name())));
        grades.add(new GradeInfo(null, cn.sanbao.kernel.GradeLabels.MISSING));
        return new PeriodRanking(run, grades, all.get(run.id()));
    }

    public DashboardData build(Period period, Predicate<String> visible) {
        Map<Period, ScoringRun> year = latestRuns(period);
        Map<Long, List<UnitRanking>> all = rankings(year, period);
        PeriodRanking chosen = periodRanking(period, year, all);
        ScoringRun run = chosen.run();
        List<GradeInfo> grades = chosen.grades();
        List<UnitRanking> rows = chosen.rows().stream().filter(r -> visible.test(r.unitCode())).toList();

        List<MapArea> map = new ArrayList<>();
        for (UnitRanking r : rows)
            if (regions.unit(r.unitCode()).map(u -> u.kind() == UnitKind.CITY).orElse(false))
                map.add(new MapArea(r.unitCode(), r.unitName(), r.grade(), r.gradeName(), r.total()));

        List<String> names = grades.stream().map(GradeInfo::name).toList();
        DashboardData.Migration migration = new DashboardData.Migration(period.previous().label(), names,
                GradeTally.migration(grades, rows));
        return new DashboardData(period.code(), period.label(), run.id(), run.asOfRevision(), grades,
                GradeTally.counts(grades, rows), map, rows, migration, trend(period, year, all, grades, visible));
    }

    /** Grade counts of every period of the same type in the year, up to the chosen one. */
    private DashboardData.Trend trend(Period period, Map<Period, ScoringRun> year, Map<Long, List<UnitRanking>> rankings,
                                      List<GradeInfo> grades, Predicate<String> visible) {
        List<String> codes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Map<String, List<Long>> series = new LinkedHashMap<>();
        for (GradeInfo g : grades) series.put(GradeTally.key(g.code()), new ArrayList<>());
        year.forEach((p, run) -> {
            if (p.compareTo(period) > 0) return;
            codes.add(p.code());
            labels.add(period.type() == Period.Type.MONTH ? p.number() + "月" : "第" + p.number() + "周");
            Map<String, Long> counts = GradeTally.counts(grades, rankings.get(run.id()).stream()
                    .filter(r -> visible.test(r.unitCode())).toList());
            series.forEach((code, list) -> list.add(counts.getOrDefault(code, 0L)));
        });
        return new DashboardData.Trend(codes, labels, series);
    }

    /**
     * Full rankings (all units) of the year's periods up to the chosen one, by run id. A run's ranking depends
     * on it and on the run it is compared with, so both make the cache key; the missing ones are read together.
     */
    private Map<Long, List<UnitRanking>> rankings(Map<Period, ScoringRun> year, Period upTo) {
        Map<Long, List<UnitRanking>> out = new HashMap<>();
        List<ScoringRun> missing = new ArrayList<>();
        Map<Long, String> keys = new HashMap<>();
        boolean first = true;
        for (Map.Entry<Period, ScoringRun> e : year.entrySet()) {
            if (e.getKey().compareTo(upTo) > 0) break;
            ScoringRun previous = year.get(e.getKey().previous());
            // only the year's first period can be compared with a run outside this map (the year before)
            if (previous == null && first) previous = results.latestRun(e.getKey().previous()).orElse(null);
            first = false;
            String key = e.getValue().id() + ":" + (previous == null ? null : previous.id());
            keys.put(e.getValue().id(), key);
            List<UnitRanking> cached = cache.get(key);
            if (cached != null) out.put(e.getValue().id(), cached);
            else missing.add(e.getValue());
        }
        if (missing.isEmpty()) return out;
        // one load at a time: the users arriving together after a start or a new run wait for the first one's answer
        // instead of each reading every unit's results at once
        synchronized (loading) {
            missing.removeIf(run -> {
                List<UnitRanking> cached = cache.get(keys.get(run.id()));
                if (cached != null) out.put(run.id(), cached);
                return cached != null;
            });
            if (missing.isEmpty()) return out;
            loads.incrementAndGet();
            results.rankings(missing, code -> true).forEach((id, list) -> {
                List<UnitRanking> copy = List.copyOf(list);
                cache.put(keys.get(id), copy);
                out.put(id, copy);
            });
        }
        return out;
    }

    /** How many times rankings were read from the database (tests: a warm or shared cache reads nothing). */
    long rankingLoads() { return loads.get(); }

    /** Empties the ranking cache (tests: a fresh instance). */
    void forget() { cache.clear(); }
}
