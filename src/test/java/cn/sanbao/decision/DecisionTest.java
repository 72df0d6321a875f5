package cn.sanbao.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
import cn.sanbao.decision.affordability.AffordabilityService;
import cn.sanbao.decision.allocation.AllocationService;
import cn.sanbao.decision.allocation.FactorAllocator;
import cn.sanbao.decision.allocation.Weighting;
import cn.sanbao.decision.demo.DecisionDemoLoader;
import cn.sanbao.decision.dispatch.DispatchPlan;
import cn.sanbao.decision.dispatch.DispatchService;
import cn.sanbao.decision.runway.RunwayProjection;
import cn.sanbao.decision.runway.RunwayService;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.projects.demand.DemandService;
import cn.sanbao.projects.demand.ScopeRepository;
import cn.sanbao.projects.demo.ProjectsDemoLoader;
import cn.sanbao.projects.library.ProjectRepository;
import cn.sanbao.projects.list.GuaranteeListRepository;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;

/** The four decision tools on the demo year, on a real database (H2 and PostgreSQL). */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class DecisionTest {

    static final YearMonth BASE = DecisionDemoLoader.BASE;
    static final RequestPostProcessor ANALYST = user("d-analyst").roles("ANALYST");
    static final RequestPostProcessor CHINESE = r -> {
        r.setPreferredLocales(List.of(java.util.Locale.SIMPLIFIED_CHINESE));
        r.addHeader("Accept-Language", "zh-CN");
        return r;
    };
    static final RequestPostProcessor LEADER = user("d-leader").roles("LEADER");
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_LOCAL", () -> "SCOPE_640422");

    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired GuaranteeListRepository lists;
    @Autowired ScopeRepository scopes;
    @Autowired DemandService demand;
    @Autowired ProjectRepository projects;
    @Autowired RunwayService runway;
    @Autowired DispatchService dispatch;
    @Autowired AllocationService allocation;
    @Autowired AffordabilityService affordability;
    @Autowired AuditLog audit;
    @Autowired MockMvc mvc;

    @BeforeEach
    void demo() {
        DemoData.ensureLoaded(facts, scoring, results);
        synchronized (DecisionTest.class) {
            if (lists.current().isEmpty() || projects.ofUnit("640422", 2021).isEmpty())
                new ProjectsDemoLoader(lists, scopes, demand, projects).load();
            if (affordability.cases().stream().noneMatch(c -> c.name().equals(DecisionDemoLoader.CASE_NAME)))
                new DecisionDemoLoader(dispatch, allocation, affordability).load();
        }
    }

    @Test
    void runwayAndAffordabilityExportsHoldTheScreensRowsAsNumbersWithinScope() throws Exception {
        List<RunwayProjection> all = runway.projectAll(BASE, u -> true);
        cn.sanbao.testsupport.Xlsx list = cn.sanbao.testsupport.Xlsx.read(mvc.perform(get("/decision/runway/export")
                .param("month", BASE.toString()).with(LEADER)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(list.headers()).startsWith("单位", "月末库款（万元）", "月均流出（万元）", "当前保障水平");
        assertThat(list.rows()).hasSize(all.size());
        RunwayProjection xiji = all.stream().filter(p -> p.unitCode().equals("640422")).findFirst().orElseThrow();
        int at = list.column("单位").indexOf("西吉县");
        assertThat(list.rows().get(at).get(1)).isEqualTo(cn.sanbao.kernel.Money.toWan(xiji.baseBalance()).doubleValue());
        assertThat(list.rows().get(at).get(3)).isEqualTo(xiji.baseLevel().doubleValue());

        cn.sanbao.testsupport.Xlsx own = cn.sanbao.testsupport.Xlsx.read(mvc.perform(get("/decision/runway/export")
                .param("month", BASE.toString()).with(XIJI)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(own.column("单位")).containsExactly("西吉县");
        cn.sanbao.testsupport.Xlsx months = cn.sanbao.testsupport.Xlsx.read(mvc.perform(get("/decision/runway/640422/export")
                .param("month", BASE.toString()).with(XIJI)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        RunwayProjection withDispatch = runway.project("640422", BASE, true).orElseThrow();
        assertThat(months.rows()).hasSize(withDispatch.months().size());
        assertThat(months.column("月末库款").get(0)).isEqualTo(cn.sanbao.kernel.Money.toWan(withDispatch.months().get(0).closing()).doubleValue());
        mvc.perform(get("/decision/runway/640423/export").with(XIJI)).andExpect(status().isForbidden());

        AffordabilityService.Case kase = affordability.cases().stream().filter(x -> x.name().equals(DecisionDemoLoader.CASE_NAME))
                .findFirst().orElseThrow();
        AffordabilityService.Report report = affordability.report(kase, code -> true);
        cn.sanbao.testsupport.Xlsx a = cn.sanbao.testsupport.Xlsx.read(mvc.perform(get("/decision/affordability/" + kase.id() + "/export")
                .with(LEADER).with(CHINESE)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(a.headers()).contains("单位", "现状等级", "现状财力保障倍数", "提示");
        assertThat(a.rows()).hasSize(report.rows().size());
        AffordabilityService.Row first = report.rows().get(0);
        assertThat(a.rows().get(0).get(1)).isEqualTo(cn.sanbao.kernel.Money.toWan(first.years().get(0).extra()).doubleValue());
        assertThat(a.column("提示").stream().filter(v -> v != null && !v.toString().isEmpty()).count()).isEqualTo(report.flagged().size());
        mvc.perform(get("/decision/affordability/" + kase.id() + "/export").with(XIJI)).andExpect(status().isForbidden());
    }

    @Test
    void demoRunwayFlagsUnitsAndTheApprovedDecemberPlanLiftsThem() {
        Set<String> flagged = runway.projectAll(BASE, u -> true, false).stream().filter(p -> p.crossesWithin(3))
                .map(RunwayProjection::unitCode).collect(Collectors.toSet());
        assertThat(flagged).isNotEmpty().contains("640522");
        DispatchPlan plan = dispatch.plans().stream().filter(p -> p.baseMonth().equals(BASE) && p.approved()).findFirst().orElseThrow();
        assertThat(plan.lines()).extracting(DispatchPlan.Line::unitCode).containsAll(flagged);
        assertThat(plan.total().add(plan.kept())).isEqualByComparingTo(plan.pool());
        for (DispatchPlan.Line l : plan.lines()) assertThat(l.amount()).isEqualByComparingTo(l.shortfall());
        List<RunwayProjection> after = runway.projectAll(BASE, u -> true);
        assertThat(after).filteredOn(p -> flagged.contains(p.unitCode())).isNotEmpty()
                .allSatisfy(p -> {
                    assertThat(p.crossesWithin(3)).as(p.unitCode()).isFalse();
                    assertThat(p.months().get(0).extra()).as("arrives in January").isPositive();
                });
    }

    @Test
    void demoAffordabilityCasePushesAUnitToMediumRiskWithoutTouchingStoredResults() {
        long runBefore = results.latestRun(Period.month(2021, 12)).orElseThrow().id();
        AffordabilityService.Case c = affordability.cases().stream()
                .filter(x -> x.name().equals(DecisionDemoLoader.CASE_NAME)).findFirst().orElseThrow();
        AffordabilityService.Report r = affordability.report(c, u -> true);
        assertThat(r.flagged()).isNotEmpty();
        AffordabilityService.Row row = r.flagged().get(0);
        assertThat(row.base().grade()).isIn("STABLE", "LOW");
        assertThat(row.outcomes()).extracting(ProposalScoreGrade::of).contains("MEDIUM");
        assertThat(row.years().get(0).extra()).isPositive();
        assertThat(row.outcomes().get(2).capacityCoverage()).isLessThan(row.base().capacityCoverage());
        assertThat(results.latestRun(Period.month(2021, 12)).orElseThrow().id()).isEqualTo(runBefore);
    }

    @Test
    void dispatchPlanIsAdjustedWithinThePoolApprovedOnceAndFedIntoTheNextMonth() {
        assertThatThrownBy(() -> dispatch.propose(YearMonth.of(2021, 6), BigDecimal.TEN, BigDecimal.ZERO, Map.of(), "d-analyst"))
                .hasMessageContaining("无需调度");
        YearMonth feb = YearMonth.of(2021, 2);
        Map<String, BigDecimal> shortfalls = dispatch.shortfalls(feb);
        assertThat(shortfalls).containsKey("640522");
        DispatchPlan p = dispatch.propose(feb, new BigDecimal("500000000.00"), new BigDecimal("100000000.00"), Map.of(), "d-analyst");
        assertThat(p.status()).isEqualTo(DispatchPlan.DRAFT);
        assertThat(p.total()).isLessThanOrEqualTo(p.distributable());
        String unit = p.lines().get(0).unitCode();
        assertThatThrownBy(() -> dispatch.adjust(p.id(), Map.of(unit, new BigDecimal("400000000.01")), "d-analyst"))
                .hasMessageContaining("超过可分配额");
        assertThat(dispatch.plan(p.id()).lines().get(0).amount()).isEqualByComparingTo(p.lines().get(0).amount());
        dispatch.adjust(p.id(), Map.of(unit, new BigDecimal("1234.56")), "d-analyst");
        DispatchPlan approved = dispatch.approve(p.id(), "d-analyst");
        assertThat(approved.lines().get(0).amount()).isEqualByComparingTo("1234.56");
        assertThat(approved.lines().get(0).adjusted()).isTrue();
        assertThatThrownBy(() -> dispatch.approve(p.id(), "d-analyst")).hasMessageContaining("已批准");
        assertThat(audit.recent(20)).extracting(e -> e.action()).contains("DISPATCH_PROPOSE", "DISPATCH_ADJUST", "DISPATCH_APPROVE");
        RunwayProjection next = runway.project(unit, feb, true).orElseThrow();
        assertThat(next.months().get(0).month()).isEqualTo(YearMonth.of(2021, 3));
        assertThat(next.months().get(0).extra()).isGreaterThanOrEqualTo(new BigDecimal("1234.56"));
        // caps at twice the shortfall: a pool far above the need fills every cap and keeps the rest
        DispatchPlan generous = dispatch.propose(feb, new BigDecimal("90000000000.00"), BigDecimal.ZERO, new BigDecimal("2"), "d-analyst");
        for (DispatchPlan.Line l : generous.lines())
            assertThat(l.amount()).isEqualByComparingTo(l.shortfall().multiply(new BigDecimal("2")).setScale(2, java.math.RoundingMode.DOWN));
        assertThat(generous.kept()).isPositive();
        assertThatThrownBy(() -> dispatch.propose(feb, BigDecimal.TEN, BigDecimal.ZERO, new BigDecimal("0.5"), "d-analyst"))
                .hasMessageContaining("上限倍数不能小于 1");
    }

    @Test
    void allocationOfTheDemoWeightingsAddsUpToThePoolAndTheTwoWeightingsDiffer() {
        List<Weighting> ws = allocation.weightings();
        Weighting a = ws.stream().filter(w -> w.name().equals("均衡方案")).findFirst().orElseThrow();
        Weighting b = ws.stream().filter(w -> w.name().equals("缺口优先")).findFirst().orElseThrow();
        BigDecimal pool = new BigDecimal("1000000000.01");
        FactorAllocator.Result ra = allocation.allocate(Period.month(2021, 12), pool, a);
        FactorAllocator.Result rb = allocation.allocate(Period.month(2021, 12), pool, b);
        assertThat(ra.total()).isEqualByComparingTo(pool);
        assertThat(rb.total()).isEqualByComparingTo(pool);
        assertThat(ra.lines()).hasSize(28);
        assertThat(ra.lines()).extracting(FactorAllocator.Line::amount).isNotEqualTo(rb.lines().stream().map(FactorAllocator.Line::amount).toList());
        Weighting again = allocation.save("均衡方案", "GAP=1", "d-analyst");
        assertThat(again.version()).isGreaterThan(a.version());
    }

    @Test
    void countyUserSeesOnlyItsOwnProjection() throws Exception {
        String list = mvc.perform(get("/decision/runway").param("month", BASE.toString()).with(XIJI))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("/decision/runway/640422").doesNotContain("/decision/runway/640423").doesNotContain("/decision/runway/640522");
        mvc.perform(get("/decision/runway/640423").with(XIJI)).andExpect(status().isForbidden());
        String page = mvc.perform(get("/decision/runway/640422").param("month", BASE.toString()).with(XIJI))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("runway-chart", "西吉县");
        mvc.perform(get("/decision/dispatch").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(get("/decision/affordability").with(XIJI)).andExpect(status().isForbidden());
    }

    @Test
    void leaderReadsAndOnlyTheAnalystChanges() throws Exception {
        mvc.perform(get("/decision/dispatch").with(LEADER)).andExpect(status().isOk());
        mvc.perform(post("/decision/dispatch").param("month", "2021-06").param("pool", "100").with(csrf()).with(LEADER))
                .andExpect(status().isForbidden());
        mvc.perform(post("/decision/allocation/weightings").param("name", "x").param("w_GAP", "1").with(csrf()).with(LEADER))
                .andExpect(status().isForbidden());
        mvc.perform(post("/decision/dispatch").param("month", "2021-06").param("pool", "abc").with(csrf()).with(ANALYST))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("errors",
                        List.of("调度资金池不是数字：“abc”（单位：万元）")));
        // hostile numbers are refused before parsing, with a message, never a server error or a long computation
        mvc.perform(post("/decision/dispatch").param("month", "2021-06").param("pool", "1e999999999").with(csrf()).with(ANALYST))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("errors",
                        List.of("调度资金池数值超出允许范围（科学计数法的指数过大）：“1e999999999”（单位：万元）")));
        mvc.perform(post("/decision/dispatch").param("month", "2021-06").param("pool", "9".repeat(100_000)).with(csrf()).with(ANALYST))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("errors",
                        List.of("调度资金池数字过长（100000 个字符，最多 30 个）：“" + "9".repeat(40) + "…”（单位：万元）")));
    }

    @Test
    void screensAndExcelExportShowTheDemoExamples() throws Exception {
        DispatchPlan plan = dispatch.plans().stream().filter(p -> p.baseMonth().equals(BASE) && p.approved()).findFirst().orElseThrow();
        byte[] xlsx = mvc.perform(get("/decision/dispatch/" + plan.id() + "/excel").with(LEADER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            BigDecimal sum = BigDecimal.ZERO;
            for (int r = 2; r < 2 + plan.lines().size(); r++) {
                Row row = s.getRow(r);
                sum = sum.add(BigDecimal.valueOf(row.getCell(5).getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP));
            }
            assertThat(sum).isEqualByComparingTo(plan.total());
        }
        String runwayPage = mvc.perform(get("/decision/runway").param("month", BASE.toString()).with(LEADER).with(CHINESE))
                .andReturn().getResponse().getContentAsString();
        assertThat(runwayPage).contains("调度后已解除");
        long caseId = affordability.cases().stream().filter(x -> x.name().equals(DecisionDemoLoader.CASE_NAME)).findFirst().orElseThrow().id();
        assertThat(mvc.perform(get("/decision/affordability/" + caseId).with(LEADER).with(CHINESE)).andReturn().getResponse().getContentAsString())
                .contains("降至中度风险或更差");
        Weighting a = allocation.weightings().get(0);
        assertThat(mvc.perform(get("/decision/allocation").param("month", "2021-12").param("pool", "10000").param("a", String.valueOf(a.id()))
                .param("b", String.valueOf(a.id())).with(LEADER).with(CHINESE)).andReturn().getResponse().getContentAsString()).contains("差额");
    }

    @Test
    void planAndCaseScreensRenderForBothDepartmentRoles() throws Exception {
        DispatchPlan plan = dispatch.plans().stream().filter(p -> p.baseMonth().equals(BASE) && p.approved()).findFirst().orElseThrow();
        String leaderView = mvc.perform(get("/decision/dispatch/" + plan.id()).with(LEADER).with(CHINESE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(leaderView).contains("已批准", "海原县").doesNotContain("amount_");
        DispatchPlan draft = dispatch.propose(YearMonth.of(2021, 2), new BigDecimal("1000000.00"), BigDecimal.ZERO, Map.of(), "d-analyst");
        String analystView = mvc.perform(get("/decision/dispatch/" + draft.id()).with(ANALYST).with(CHINESE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(analystView).contains("amount_640522", "批准方案");
        mvc.perform(post("/decision/dispatch/" + draft.id() + "/adjust").param("amount_640522", "-1").with(csrf()).with(ANALYST))
                .andExpect(status().is3xxRedirection());
        assertThat(dispatch.plan(draft.id()).total()).isEqualByComparingTo(draft.total());
        assertThat(mvc.perform(get("/decision/affordability").with(ANALYST).with(CHINESE)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains(DecisionDemoLoader.CASE_NAME, "L10");
        assertThat(mvc.perform(get("/decision/dispatch").with(ANALYST).with(CHINESE)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("生成建议方案");
    }

    /** Grade code of an outcome, for readable assertions. */
    static final class ProposalScoreGrade {
        static String of(cn.sanbao.decision.affordability.ProposalScorer.Outcome o) { return o.grade(); }
    }
}
