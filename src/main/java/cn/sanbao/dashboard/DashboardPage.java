package cn.sanbao.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import cn.sanbao.monitoring.RankingTable;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.shared.table.ExcelTables;
import cn.sanbao.shared.web.ScreenText;
import cn.sanbao.shared.web.XlsxDownload;
import cn.sanbao.security.UnitScope;
import tools.jackson.databind.json.JsonMapper;

/** 总览: map, counts, ranking, migration and trend of a month or week, within the user's unit scope. */
@Controller
class DashboardPage {

    /** Ranking rows per page; the browser pages, sorts and filters the rest from /api/dashboard. */
    static final int PAGE_SIZE = 50;

    private final DashboardService dashboard;
    private final UnitScope scope;
    private final AuditLog audit;
    private final JsonMapper json;
    private final ScreenText text;

    DashboardPage(DashboardService dashboard, UnitScope scope, AuditLog audit, JsonMapper json, ScreenText text) {
        this.dashboard = dashboard;
        this.scope = scope;
        this.audit = audit;
        this.json = json;
        this.text = text;
    }

    @GetMapping("/dashboard")
    String page(@RequestParam(required = false) String period, Model model) {
        Period p = period != null && !period.isBlank() ? Period.parse(period) : dashboard.defaultPeriod().orElse(null);
        if (p == null) return "dashboard/empty";
        DashboardData data = dashboard.build(p, scope.visible());
        model.addAttribute("d", data);
        model.addAttribute("p", p);
        model.addAttribute("periods", dashboard.periods(p.year()));
        UnitScope.CityFilter cities = scope.cityFilter();
        model.addAttribute("cities", cities.names());
        model.addAttribute("cityFilter", cities);
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("firstPage", data.ranking().subList(0, Math.min(PAGE_SIZE, data.ranking().size())));
        model.addAttribute("pages", Math.max(1, (data.ranking().size() + PAGE_SIZE - 1) / PAGE_SIZE));
        // the charts need no ranking (the table loads it from the JSON API); leaving it out keeps the page small
        model.addAttribute("json", json.writeValueAsString(new DashboardData(data.period(), data.periodLabel(), data.runId(),
                data.asOfRevision(), data.grades(), data.counts(), data.map(), List.of(), data.migration(), data.trend())));
        return "dashboard/dashboard";
    }

    /** The ranking as Excel, with the same city and grade filter as the screen; audited. */
    @GetMapping("/dashboard/export")
    ResponseEntity<byte[]> export(@RequestParam String period, @RequestParam(required = false) String city,
                                  @RequestParam(required = false) String grade, Principal principal,
                                  HttpServletRequest request) {
        Period p = Period.parse(period);
        DashboardData data = dashboard.build(p, scope.visible());
        List<UnitRanking> rows = RankingTable.filter(data.ranking(), city, grade);
        byte[] body = ExcelTables.write(RankingTable.of(data.periodLabel() + " 三保运行监测排名", rows, text));
        audit.record(principal.getName(), "EXPORT", "dashboard:" + p.code(), "导出" + data.periodLabel() + "排名 "
                + rows.size() + " 个单位" + (city == null || city.isBlank() ? "" : "，" + city)
                + (grade == null || grade.isBlank() ? "" : "，等级 " + grade), request.getRemoteAddr());
        return XlsxDownload.bytes(body, data.periodLabel() + "三保监测排名.xlsx");
    }
}
