package cn.sanbao.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.engine.Period;
import cn.sanbao.facts.FactStore;
import cn.sanbao.monitoring.ResultQueries;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.DemoData;

/** The dashboard of the demo year: counts, city map, migration, trend, ranking export, unit scope. */
@SpringBootTest
@AutoConfigureMockMvc
abstract class DashboardContract {

    static final RequestPostProcessor ANALYST = user("analyst").roles(Roles.ANALYST);
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_" + Roles.LOCAL, () -> "SCOPE_640422");

    @Autowired MockMvc mvc;
    @Autowired FactStore facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultQueries results;
    @Autowired DashboardService dashboard;
    @Autowired AuditLog audit;

    @BeforeEach
    void demo() {
        DemoData.ensureLoaded(facts, scoring, results);
    }

    @Test
    void monthDashboardCountsEveryBudgetUnitOnceAndColoursTheFiveCities() throws Exception {
        DashboardData d = dashboard.build(Period.month(2021, 3), code -> true);
        assertThat(d.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(28);
        List<UnitRanking> budget = d.ranking().stream().filter(r -> !r.consolidated()).toList();
        assertThat(d.counts().get("HIGH")).isEqualTo(budget.stream().filter(r -> "HIGH".equals(r.grade())).count());
        assertThat(budget).filteredOn(r -> r.unitCode().equals("640422")).singleElement()
                .satisfies(r -> assertThat(r.grade()).isEqualTo("HIGH"));
        assertThat(d.map()).extracting(DashboardData.MapArea::name)
                .containsExactly("银川市", "石嘴山市", "吴忠市", "固原市", "中卫市");
        // migration: every unit with a February result appears once; 西吉县 moved into 高度风险 in March
        long moved = 0;
        for (long[] row : d.migration().matrix()) for (long c : row) moved += c;
        assertThat(moved).isEqualTo(28);
        DashboardData feb = dashboard.build(Period.month(2021, 2), code -> code.equals("640422"));
        String febGrade = feb.ranking().get(0).grade();
        int from = indexOf(d, febGrade), to = indexOf(d, "HIGH");
        assertThat(d.migration().matrix()[from][to]).isPositive();
        // trend: January to March, each month's counts add up to the 28 budget units
        assertThat(d.trend().periods()).containsExactly("2021-01", "2021-02", "2021-03");
        for (int i = 0; i < 3; i++) {
            int month = i;
            assertThat(d.trend().series().values().stream().mapToLong(l -> l.get(month)).sum()).isEqualTo(28);
        }
        assertThat(d.trend().series().get("HIGH").get(2)).isEqualTo(d.counts().get("HIGH"));
    }

    @Test
    void weeksWorkLikeMonths() throws Exception {
        mvc.perform(get("/api/dashboard").param("period", "2021-W10").with(ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period").value("2021-W10"))
                .andExpect(jsonPath("$.trend.periods", hasSize(10)));
    }

    @Test
    void countyUserSeesOnlyItsOwnUnitAndNoCity() throws Exception {
        mvc.perform(get("/api/dashboard").param("period", "2021-04").with(XIJI))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ranking", hasSize(1)))
                .andExpect(jsonPath("$.ranking[0].unitCode").value("640422"))
                .andExpect(jsonPath("$.map", hasSize(0)))
                .andExpect(jsonPath("$.counts.HIGH").value(1));
        mvc.perform(get("/dashboard").param("period", "2021-04").with(XIJI))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("西吉县")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("泾源县"))));
    }

    @Test
    void pageShowsMapChartsAndRanking() throws Exception {
        mvc.perform(get("/dashboard").param("period", "2021-03").with(ANALYST))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("各市等级分布图")))
                .andExpect(content().string(containsString("echarts.min.js")))
                .andExpect(content().string(containsString("西吉县")));
        mvc.perform(get("/dashboard").with(user("sys").roles(Roles.SYSTEM_ADMIN))).andExpect(status().isForbidden());
    }

    @Test
    void rankingExportKeepsTheFilterAndIsAudited() throws Exception {
        byte[] xlsx = mvc.perform(get("/dashboard/export").param("period", "2021-03").param("grade", "HIGH").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> units = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(1).getCell(5).getStringCellValue()).isEqualTo("总分");
            for (int i = 2; i <= s.getLastRowNum(); i++) {
                Row r = s.getRow(i);
                units.add(r.getCell(2).getStringCellValue());
                assertThat(r.getCell(6).getStringCellValue()).isEqualTo("高度风险");
            }
        }
        assertThat(units).contains("西吉县", "泾源县");
        assertThat(audit.recent(3)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("EXPORT");
            assertThat(e.target()).isEqualTo("dashboard:2021-03");
        });
        // a county user's export holds its own unit only
        byte[] own = mvc.perform(get("/dashboard/export").param("period", "2021-03").with(XIJI))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(own))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(2);
            assertThat(wb.getSheetAt(0).getRow(2).getCell(1).getStringCellValue()).isEqualTo("640422");
        }
    }

    @Test
    void unitPageHasScoreAndPillarChartsAndLinksEachNumberToItsRevision() throws Exception {
        String page = mvc.perform(get("/monitoring/units/640422").param("period", "2021-03").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"score-chart\"", "id=\"pillar-chart\"", "四梁（三保及刚性支出执行）与时序进度");
        // twelve months of history, March is 高度风险 (wage arrears), time progress of March is 25%
        assertThat(page).contains("&quot;period&quot;:&quot;2021-12&quot;", "&quot;timeProgress&quot;:25.0");
        // each number links to the readable revision page, limited to this unit
        assertThat(page).containsPattern("href=\"/intake/revisions/\\d+\\?unit=640422\"");
        String own = mvc.perform(get("/monitoring/units/640422").param("period", "2021-03").with(XIJI))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(own).contains("修订 #").doesNotContain("href=\"/api/revisions/");
        mvc.perform(get("/monitoring/units/640424").param("period", "2021-03").with(XIJI)).andExpect(status().isForbidden());
    }

    private static int indexOf(DashboardData d, String grade) {
        for (int i = 0; i < d.grades().size(); i++)
            if (java.util.Objects.equals(d.grades().get(i).code(), grade)) return i;
        throw new AssertionError(grade);
    }
}
