package cn.sanbao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;

/** The JSON API and the results page, as each kind of user sees them. */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class MonitoringApiTest {

    @Autowired MockMvc mvc;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired AuditLog audit;

    static final RequestPostProcessor ANALYST = user("analyst").roles(Roles.ANALYST);
    static final RequestPostProcessor LEADER = user("leader").roles(Roles.LEADER);
    static final RequestPostProcessor XIJI = user("xiji").authorities(
            () -> "ROLE_" + Roles.LOCAL, () -> Roles.SCOPE_PREFIX + "640422");
    static final RequestPostProcessor YINCHUAN = user("yinchuan").authorities(
            () -> "ROLE_" + Roles.LOCAL, () -> Roles.SCOPE_PREFIX + "640100");

    @BeforeEach
    void demo() {
        DemoData.ensureLoaded(facts, scoring, results);
    }

    @Test
    void anonymousUsersMustSignIn() throws Exception {
        mvc.perform(get("/api/results/2021-03")).andExpect(status().isUnauthorized());
        mvc.perform(get("/monitoring").accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/results/2021-03").with(httpBasic("admin", "wrong"))).andExpect(status().isUnauthorized());
    }

    @Test
    void analystSeesAllUnitsWithGradesAndChanges() throws Exception {
        mvc.perform(get("/api/results/2021-03").with(ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units", hasSize(34)))
                .andExpect(jsonPath("$.units[?(@.unitCode=='640422')].gradeName").value("高度风险"))
                .andExpect(jsonPath("$.units[?(@.unitCode=='640422')].previousGradeName").value("中度风险"))
                .andExpect(jsonPath("$.run.period").value("2021-03"));
    }

    @Test
    void countyUserSeesOnlyItsOwnUnitAndIsRefusedOthers() throws Exception {
        mvc.perform(get("/api/results/2021-03").with(XIJI))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units", hasSize(1)))
                .andExpect(jsonPath("$.units[0].unitCode").value("640422"));
        mvc.perform(get("/api/results/2021-03/640422").with(XIJI)).andExpect(status().isOk())
                .andExpect(jsonPath("$.explanation.indicators", hasSize(12)));
        mvc.perform(get("/api/results/2021-03/640104").with(XIJI))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value(containsString("无权查看")));
        mvc.perform(get("/api/facts").param("unit", "640104").param("period", "2021-03").with(XIJI))
                .andExpect(status().isForbidden());
        mvc.perform(get("/monitoring/units/640104").param("period", "2021-03").with(XIJI))
                .andExpect(status().isForbidden());
        assertThat(audit.recent(20)).anyMatch(e -> e.action().equals("SCOPE_DENIED") && e.actor().equals("xiji")
                && "640104".equals(e.target()));
        mvc.perform(get("/api/units").with(XIJI)).andExpect(jsonPath("$", hasSize(1)));
        mvc.perform(get("/api/units/640104/history").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(get("/api/units/640422/history").param("year", "2021").with(XIJI))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(12)))
                .andExpect(jsonPath("$[2].gradeName").value("高度风险"));
        mvc.perform(get("/api/revisions").with(XIJI)).andExpect(status().isForbidden());
    }

    @Test
    void cityUserSeesItsCityAndCounties() throws Exception {
        // 银川市 (whole city), 银川市本级 and six counties
        mvc.perform(get("/api/results/2021-03").with(YINCHUAN)).andExpect(jsonPath("$.units", hasSize(8)));
        mvc.perform(get("/api/results/2021-03/640422").with(YINCHUAN)).andExpect(status().isForbidden());
    }

    @Test
    void onlyAnalystsRunMonitoringAndEachRunIsKept() throws Exception {
        mvc.perform(post("/api/runs").with(csrf()).param("period", "2021-W10").with(LEADER)).andExpect(status().isForbidden());
        long before = results.latestRun(Period.week(2021, 10)).orElseThrow().id();
        mvc.perform(post("/api/runs").with(csrf()).param("period", "2021-W10").with(ANALYST))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.period").value("2021-W10"))
                .andExpect(jsonPath("$.startedBy").value("analyst"));
        assertThat(results.latestRun(Period.week(2021, 10)).orElseThrow().id()).isGreaterThan(before);
        assertThat(results.run(before)).isPresent();
        mvc.perform(get("/api/runs").param("period", "2021-W10").with(ANALYST))
                .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
        assertThat(audit.recent(10)).anyMatch(e -> e.action().equals("SCORING_RUN") && e.actor().equals("analyst"));
    }

    @Test
    void badPeriodGetsAClearChineseError() throws Exception {
        mvc.perform(post("/api/runs").with(csrf()).param("period", "2021-13").with(ANALYST))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("月份")));
        mvc.perform(post("/api/runs").with(csrf()).param("period", "2021").with(ANALYST))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("不能对整年打分")));
        mvc.perform(get("/api/results/2030-01").with(ANALYST))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value(containsString("尚未运行监测")));
    }

    @Test
    void resultsPageListsTheLatestMonthInChinese() throws Exception {
        mvc.perform(get("/monitoring").with(ANALYST))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("三保运行监测结果")));
        mvc.perform(get("/monitoring").param("period", "2021-12").with(ANALYST))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2021年12月 三保运行监测结果")))
                .andExpect(content().string(containsString("宁东能源化工基地")))
                .andExpect(content().string(containsString("平稳运行")));
        mvc.perform(get("/monitoring").param("period", "2021-03").with(XIJI))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("西吉县")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("兴庆区"))));
        mvc.perform(get("/monitoring/units/640422").param("period", "2021-03").with(XIJI))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("存在工资或基本民生拖欠")))
                .andExpect(content().string(containsString("财力保障倍数")))
                .andExpect(content().string(containsString("修订 #")));
    }

    @Test
    void apiIsDocumentedWithOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/results/{period}/{unit}']").exists())
                .andExpect(jsonPath("$.paths['/api/runs']").exists());
    }

    @Test
    void loginPageNeedsCsrfAndAcceptsNoForgedPost() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("登录")));
        mvc.perform(post("/login").param("username", "admin").param("password", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "admin").param("password", "x").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/login?error*"));
    }

    @Test
    void explanationSaysFormulasBandsAndTheGradesCauseInPlainChinese() throws Exception {
        mvc.perform(get("/api/results/2021-03/640422").with(ANALYST)).andExpect(status().isOk())
                .andExpect(jsonPath("$.explanation.indicators[?(@.code=='EXEC_WAGE')].formulaText")
                        .value("保工资累计支出 ÷（保工资预算安排 × 时序进度）"))
                .andExpect(jsonPath("$.explanation.indicators[?(@.code=='EXEC_WAGE')].formula")
                        .value("paid_wage / (budget_wage * T)"))
                .andExpect(jsonPath("$.explanation.indicators[?(@.code=='CAPACITY_COVERAGE')].bandText")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.matchesPattern("[≥<].*倍.*"))));
        ResultExplanation e = results.explanation(results.latestRun(Period.parse("2021-03")).orElseThrow().id(), "640422");
        assertThat(e.grade()).isEqualTo("HIGH");
        // the sentence names what set the grade: an override with its amount, or the score band it fell in
        if (e.overrides().stream().anyMatch(o -> o.action().equals("FORCE")))
            assertThat(e.decidedBy()).contains("一票否决定为高度风险").contains("万元").doesNotContain("≥ 60");
        else
            assertThat(e.decidedBy()).contains("定为高度风险");
        String page = mvc.perform(get("/monitoring/units/640422").param("period", "2021-03").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("保工资累计支出 ÷（保工资预算安排 × 时序进度）").contains("<summary>公式代码</summary>")
                .contains(org.springframework.web.util.HtmlUtils.htmlEscape(e.decidedBy())).doesNotContain("[0.92, 1)</td>");
    }
}
