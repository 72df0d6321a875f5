package cn.sanbao.dashboard;

import cn.sanbao.discipline.DisciplineService;
import cn.sanbao.kernel.Period;
import cn.sanbao.shared.warmup.CacheWarmup;
import org.springframework.stereotype.Component;

/**
 * Fills what the department's first dashboard computes: the latest month's rankings (with the year's trend), the
 * county map layout and the month's 两个支出 checks. Scoped users read the same caches (their scope is applied after).
 */
@Component
class DashboardWarmup implements CacheWarmup {

    private final DashboardService dashboard;
    private final CountyMap map;
    private final DisciplineService discipline;

    DashboardWarmup(DashboardService dashboard, CountyMap map, DisciplineService discipline) {
        this.dashboard = dashboard;
        this.map = map;
        this.discipline = discipline;
    }

    @Override
    public String name() { return "总览（排名、县级地图、两个支出）"; }

    @Override
    public void warm() {
        map.layout();
        Period p = dashboard.defaultPeriod().orElse(null);
        if (p == null) return; // nothing scored yet
        dashboard.build(p, u -> true);
        discipline.twoPriorities(p, u -> true);
    }
}
