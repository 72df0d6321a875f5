package cn.sanbao.dashboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import cn.sanbao.dashboard.DashboardData.GradeInfo;
import cn.sanbao.dashboard.DashboardData.MapArea;
import cn.sanbao.engine.Period;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.monitoring.ModelRegistry;
import cn.sanbao.monitoring.ResultQueries;
import cn.sanbao.monitoring.ScoringRun;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.region.FiscalUnit;
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

    private final ResultQueries results;
    private final ModelRegistry models;
    private final RegionTree regions;
    private final Map<String, List<UnitRanking>> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<UnitRanking>> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    public DashboardService(ResultQueries results, ModelRegistry models, RegionTree regions) {
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
        List<Period> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) if (results.latestRun(Period.month(year, m)).isPresent()) out.add(Period.month(year, m));
        for (int w = 1; w <= Period.weeksIn(year); w++) if (results.latestRun(Period.week(year, w)).isPresent()) out.add(Period.week(year, w));
        return out;
    }

    public DashboardData build(Period period, Predicate<String> visible) {
        if (period.type() == Period.Type.YEAR) throw new IllegalArgumentException("总览按月或按周查看：" + period.code());
        ScoringRun run = results.latestRun(period).orElseThrow(() -> new NoSuchElementException(period.label() + "尚未运行监测"));
        ScoringModel model = models.engine(models.version(run.modelVersionId())).model();
        List<GradeInfo> grades = new ArrayList<>();
        model.grades().forEach(g -> grades.add(new GradeInfo(g.code(), g.name())));
        grades.add(new GradeInfo(null, "数据缺失"));
        List<UnitRanking> rows = ranking(run).stream().filter(r -> visible.test(r.unitCode())).toList();

        List<MapArea> map = new ArrayList<>();
        for (UnitRanking r : rows)
            if (regions.unit(r.unitCode()).map(u -> u.kind() == UnitKind.CITY).orElse(false))
                map.add(new MapArea(r.unitCode(), r.unitName(), r.grade(), r.gradeName(), r.total()));

        List<String> names = grades.stream().map(GradeInfo::name).toList();
        DashboardData.Migration migration = new DashboardData.Migration(period.previous().label(), names,
                GradeTally.migration(grades, rows));
        return new DashboardData(period.code(), period.label(), run.id(), run.asOfRevision(), grades,
                GradeTally.counts(grades, rows), map, rows, migration, trend(period, grades, visible));
    }

    /** Grade counts of every period of the same type in the year, up to the chosen one. */
    private DashboardData.Trend trend(Period period, List<GradeInfo> grades, Predicate<String> visible) {
        List<String> codes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Map<String, List<Long>> series = new LinkedHashMap<>();
        for (GradeInfo g : grades) series.put(GradeTally.key(g.code()), new ArrayList<>());
        for (int i = 1; i <= period.number(); i++) {
            Period p = period.type() == Period.Type.MONTH ? Period.month(period.year(), i) : Period.week(period.year(), i);
            Optional<ScoringRun> run = results.latestRun(p);
            if (run.isEmpty()) continue;
            codes.add(p.code());
            labels.add(period.type() == Period.Type.MONTH ? i + "月" : "第" + i + "周");
            Map<String, Long> counts = GradeTally.counts(grades, ranking(run.get()).stream()
                    .filter(r -> visible.test(r.unitCode())).toList());
            series.forEach((code, list) -> list.add(counts.getOrDefault(code, 0L)));
        }
        return new DashboardData.Trend(codes, labels, series);
    }

    private List<UnitRanking> ranking(ScoringRun run) {
        Long previousRun = results.latestRun(Period.parse(run.period()).previous()).map(ScoringRun::id).orElse(null);
        String key = run.id() + ":" + previousRun;
        List<UnitRanking> cached = cache.get(key);
        if (cached != null) return cached;
        List<UnitRanking> all = List.copyOf(results.ranking(run, code -> true));
        cache.put(key, all);
        return all;
    }

    /** Cities for the ranking filter (names as in the ranking's 所属市 column). */
    public List<String> cityNames() {
        return regions.all().stream().filter(u -> u.kind() == UnitKind.CITY).map(FiscalUnit::name).toList();
    }
}
