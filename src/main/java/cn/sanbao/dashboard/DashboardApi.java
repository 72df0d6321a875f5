package cn.sanbao.dashboard;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import cn.sanbao.kernel.Period;
import cn.sanbao.security.UnitScope;
import cn.sanbao.shared.web.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@Tag(name = "总览", description = "地图、等级分布、排名、等级迁移与全年走势")
class DashboardApi {

    private final DashboardService dashboard;
    private final CountyMap countyMap;
    private final UnitScope scope;

    DashboardApi(DashboardService dashboard, CountyMap countyMap, UnitScope scope) {
        this.dashboard = dashboard;
        this.countyMap = countyMap;
        this.scope = scope;
    }

    @GetMapping("/api/dashboard")
    @Operation(summary = "某月（2021-03）或某周（2021-W05）的总览数据，仅含当前用户权限范围内的单位；不填期间取最新月份")
    DashboardData dashboard(@RequestParam(required = false) String period) {
        return dashboard.build(period(period), scope.visible());
    }

    @GetMapping("/api/dashboard/map")
    @Operation(summary = "县级示意图：每个预算单位一个六边形（按驻地大致位置排列）及其等级；权限范围以外的单位只给位置，不给名称和等级")
    CountyMapData countyMap(@RequestParam(required = false) String period) {
        return countyMap.build(period(period), scope.visible(), scope.seesAll());
    }

    private Period period(String period) {
        return period != null && !period.isBlank() ? Period.parse(period)
                : dashboard.defaultPeriod().orElseThrow(() -> new java.util.NoSuchElementException("尚未运行监测"));
    }
}
