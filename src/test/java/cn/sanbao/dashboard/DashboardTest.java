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
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;

/** The dashboard of the demo year: counts, city map, migration, trend, ranking export, unit scope. */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class DashboardTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles(Roles.ANALYST);
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_" + Roles.LOCAL, () -> "SCOPE_640422");

    @Autowired MockMvc mvc;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired DashboardService dashboard;
    @Autowired AuditLog audit;
    @Autowired tools.jackson.databind.json.JsonMapper json;

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
                .andExpect(content().string(containsString("各县（市、区）等级分布（示意图）")))
                .andExpect(content().string(containsString("echarts.min.js")))
                .andExpect(content().string(containsString("/js/county-map.js")))
                .andExpect(content().string(containsString("data-county-map-url=\"/api/dashboard/map?period=2021-03\"")))
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

    static final RequestPostProcessor YINCHUAN = user("yinchuan").authorities(() -> "ROLE_" + Roles.LOCAL, () -> "SCOPE_640100");

    @Test
    void countyMapHasOneHexagonPerBudgetUnitColouredByItsGrade() throws Exception {
        String body = mvc.perform(get("/api/dashboard/map").param("period", "2021-03").with(ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.periodLabel").value("2021年3月"))
                .andExpect(jsonPath("$.cells", hasSize(28)))
                .andExpect(jsonPath("$.others", hasSize(0)))
                .andExpect(jsonPath("$.cities", hasSize(5)))
                .andExpect(jsonPath("$.focus").doesNotExist())
                .andExpect(jsonPath("$.ownHighlighted").value(false))
                .andReturn().getResponse().getContentAsString();
        CountyMapData map = json.readValue(body, CountyMapData.class);
        // each unit its own hexagon, graded as in the ranking; 西吉县 is 高度风险 in March
        assertThat(map.cells().stream().map(c -> c.x() + "," + c.y()).distinct()).hasSize(28);
        DashboardData d = dashboard.build(Period.month(2021, 3), code -> true);
        for (CountyMapData.Cell c : map.cells()) {
            UnitRanking r = d.ranking().stream().filter(x -> x.unitCode().equals(c.code())).findFirst().orElseThrow();
            assertThat(c.grade()).isEqualTo(r.grade());
            assertThat(c.gradeName()).isEqualTo(r.gradeName());
        }
        CountyMapData.Cell xiji = cell(map, "640422");
        assertThat(xiji.name()).isEqualTo("西吉县");
        assertThat(xiji.grade()).isEqualTo("HIGH");
        assertThat(xiji.city()).isEqualTo("640400");
        // placed by the seats: 惠农区 (far north) above 泾源县 (far south), 西吉县 west of 彭阳县
        assertThat(cell(map, "640205").y()).isGreaterThan(cell(map, "640424").y());
        assertThat(xiji.x()).isLessThan(cell(map, "640425").x());
        assertThat(map.cities()).extracting(CountyMapData.City::name).containsExactly("银川市", "石嘴山市", "吴忠市", "固原市", "中卫市");
    }

    @Test
    void countyUserSeesItsOwnUnitHighlightedWithinTheProvinceAndNothingOfTheOthers() throws Exception {
        String body = mvc.perform(get("/api/dashboard/map").param("period", "2021-03").with(XIJI))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cells", hasSize(1)))
                .andExpect(jsonPath("$.cells[0].code").value("640422"))
                .andExpect(jsonPath("$.cells[0].grade").value("HIGH"))
                .andExpect(jsonPath("$.others", hasSize(27)))
                .andExpect(jsonPath("$.cities", hasSize(0)))
                .andExpect(jsonPath("$.ownHighlighted").value(true))
                .andReturn().getResponse().getContentAsString();
        // the other units are bare positions: no code, name or grade of any of them
        assertThat(body).doesNotContain("泾源县", "640424", "640100", "银川");
        CountyMapData map = json.readValue(body, CountyMapData.class);
        // opens on 固原市's counties, which include 西吉县
        double[] focus = map.focus();
        CountyMapData.Cell own = map.cells().get(0);
        assertThat(focus).hasSize(4);
        assertThat(own.x()).isBetween(focus[0], focus[2]);
        assertThat(own.y()).isBetween(focus[1], focus[3]);
        assertThat(map.others()).anySatisfy(p -> assertThat(p[1]).isGreaterThan(focus[3]));
    }

    @Test
    void cityUserSeesItsCountiesAndOpensZoomedToThem() throws Exception {
        CountyMapData map = json.readValue(mvc.perform(get("/api/dashboard/map").param("period", "2021-W05").with(YINCHUAN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), CountyMapData.class);
        assertThat(map.period()).isEqualTo("2021-W05");
        assertThat(map.cells()).extracting(CountyMapData.Cell::code)
                .containsExactly("640100BJ", "640104", "640105", "640106", "640121", "640122", "640181");
        assertThat(map.cities()).extracting(CountyMapData.City::name).containsExactly("银川市");
        assertThat(map.others()).hasSize(21);
        assertThat(map.focus()).isNotNull();
        assertThat(map.cells()).allSatisfy(c -> {
            assertThat(c.x()).isBetween(map.focus()[0], map.focus()[2]);
            assertThat(c.y()).isBetween(map.focus()[1], map.focus()[3]);
        });
        mvc.perform(get("/api/dashboard/map").param("period", "2021").with(ANALYST)).andExpect(status().isBadRequest());
    }

    private static CountyMapData.Cell cell(CountyMapData map, String code) {
        return map.cells().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    private static int indexOf(DashboardData d, String grade) {
        for (int i = 0; i < d.grades().size(); i++)
            if (java.util.Objects.equals(d.grades().get(i).code(), grade)) return i;
        throw new AssertionError(grade);
    }
}
