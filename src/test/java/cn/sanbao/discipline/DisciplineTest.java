package cn.sanbao.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.Xlsx;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.intake.PaymentImportService;
import cn.sanbao.intake.PaymentResult;

/**
 * 支出约束监测 on both databases, against figures computed by hand. Years 2081–2083 belong to this class.
 * Units: 640422 西吉县, 640104 兴庆区, 640105 西夏区.
 */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class DisciplineTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles(Roles.ANALYST);
    static final RequestPostProcessor LEADER = user("leader").roles(Roles.LEADER);
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_LOCAL", () -> "SCOPE_640422");

    static final String HEADER = "单位代码 unit_code,支付日期 pay_date,金额（元） amount,支出功能分类 function_code,经济分类 economic_code,项目代码 project_code,预算单位 agency";

    @Autowired FactRepository facts;
    @Autowired DisciplineService discipline;
    @Autowired PaymentImportService imports;
    @TempDir Path dir;
    @Autowired MockMvc mvc;
    @Autowired TwoPrioritiesWarningRule warningRule;
    @Autowired JdbcClient jdbc;

    static FactValue v(String unit, String period, String item, String amount) {
        return new FactValue(unit, period, item, new BigDecimal(amount));
    }

    /** 三保 budget 3,000 万 (× T 6/12 = 1,500 万), 非三保 budget 1,000 万 (× T = 500 万), demand for the cash level. */
    private void june2081(String unit, String sanbaoPaidEach, String otherPaid, String debtPaid, String debtDue, String cash) {
        june("2081", unit, sanbaoPaidEach, otherPaid, debtPaid, debtDue, cash);
    }

    private void june(String y, String unit, String sanbaoPaidEach, String otherPaid, String debtPaid, String debtDue, String cash) {
        List<FactValue> year = new ArrayList<>();
        for (String p : List.of("wage", "operation", "livelihood")) {
            year.add(v(unit, y, "budget_" + p, "10000000.00"));
            year.add(v(unit, y, "demand_" + p, "10000000.00"));
        }
        year.add(v(unit, y, "budget_non_priority", "10000000.00"));
        facts.createRevision("TEST", "两个支出 " + unit, "analyst", null, year);
        facts.createRevision("TEST", "两个支出 " + y + "-06 " + unit, "analyst", null, List.of(
                v(unit, y + "-06", "paid_wage", sanbaoPaidEach), v(unit, y + "-06", "paid_operation", sanbaoPaidEach),
                v(unit, y + "-06", "paid_livelihood", sanbaoPaidEach), v(unit, y + "-06", "paid_non_priority", otherPaid),
                v(unit, y + "-06", "paid_debt_service", debtPaid), v(unit, y + "-06", "debt_service_due", debtDue),
                v(unit, y + "-06", "cash_balance", cash), v(unit, y + "-06", "cash_inflow", "2500000.00"),
                v(unit, y + "-06", "cash_outflow", "2500000.00")));
    }

    @Test
    void flagsOnlyTheUnitWhoseOtherSpendingRunsAheadWhileCashIsBelowTheSafeBand() throws Exception {
        june2081ForRule();
        // 西吉: 三保 12,000,000 / 15,000,000 = 0.8000; other 4,500,000 / 5,000,000 = 0.9000; debt 1.0000;
        // cash 500,000 / outflow 2,500,000 = 0.2000 < 0.3 → flagged (ahead of 三保, not of debt)
        // 兴庆: same spending, cash 1,000,000 / 2,500,000 = 0.4000 → not flagged
        // 西夏: cash low, other 3,500,000 / 5,000,000 = 0.7000 behind 三保 0.8, but debt 600,000 / 1,000,000 = 0.6000 → flagged

        Map<String, DisciplineService.UnitCheck> checks = discipline.twoPriorities(Period.parse("2081-06"), u -> true).stream()
                .collect(Collectors.toMap(c -> c.unit().code(), c -> c));
        TwoPriorities xiji = checks.get("640422").check();
        assertThat(xiji.sanbaoRate()).isEqualByComparingTo("0.8000");
        assertThat(xiji.otherRate()).isEqualByComparingTo("0.9000");
        assertThat(xiji.debtRate()).isEqualByComparingTo("1.0000");
        assertThat(xiji.cashLevel()).isEqualByComparingTo("0.2000");
        assertThat(xiji.flagged()).isTrue();
        assertThat(xiji.aheadOfSanbao()).isTrue();
        assertThat(xiji.aheadOfDebt()).isFalse();
        assertThat(xiji.reason()).isEqualTo("非三保支出进度 90.0% 快于三保支出进度 80.0%，而库款保障水平 0.2 低于安全线 0.3");

        assertThat(checks.get("640104").check().cashLevel()).isEqualByComparingTo("0.4000");
        assertThat(checks.get("640104").check().flagged()).isFalse();

        TwoPriorities xixia = checks.get("640105").check();
        assertThat(xixia.aheadOfSanbao()).isFalse();
        assertThat(xixia.debtRate()).isEqualByComparingTo("0.6000");
        assertThat(xixia.flagged()).isTrue();
        assertThat(xixia.reason()).contains("快于债务还本付息进度 60.0%");

        // each figure names the revision it came from
        long revision = checks.get("640422").sources().get("paid_non_priority");
        assertThat(facts.valuesOf(revision)).anyMatch(f -> f.itemCode().equals("paid_non_priority") && f.unitCode().equals("640422"));
        // a county user's view holds only its own unit
        assertThat(discipline.twoPriorities(Period.parse("2081-06"), "640422"::equals)).extracting(c -> c.unit().code())
                .containsExactly("640422");

        String page = mvc.perform(get("/discipline").param("period", "2081-06").with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("违反 2 个，共 3 个预算单位").contains("西吉县").contains("兴庆区").contains("90.0%").contains("0.20")
                .contains("开启预警规则");
        String county = mvc.perform(get("/discipline").param("period", "2081-06").with(XIJI)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(county).contains("西吉县").doesNotContain("兴庆区").doesNotContain("西夏区").doesNotContain("开启预警规则");
        Xlsx x = Xlsx.read(mvc.perform(get("/discipline/export").param("period", "2081-06").with(XIJI)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(x.rows()).hasSize(1);
        assertThat(x.rows().get(0).get(0)).isEqualTo("西吉县");
        assertThat(x.rows().get(0).get(5).toString()).startsWith("非三保支出进度 90.0% 快于三保支出进度 80.0%");
        // a county user's refusal to switch the rule is a 403, not a silent change
        mvc.perform(post("/discipline/warning-rule").param("enabled", "true").with(XIJI).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/discipline/warning-rule").param("enabled", "true").with(LEADER).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void theWarningRuleIsOffUntilAnAnalystSwitchesItOnAndThenGivesTheReasonAsCause() throws Exception {
        june2081ForRule();
        Period june = Period.parse("2081-06");
        jdbc.sql("delete from discipline_setting").update();
        assertThat(warningRule.enabled()).isFalse();
        assertThat(warningRule.cause("640422", june)).isEmpty();

        mvc.perform(post("/discipline/warning-rule").param("enabled", "true").param("period", "2081-06").with(ANALYST).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(warningRule.enabled()).isTrue();
        assertThat(warningRule.cause("640422", june)).hasValueSatisfying(c -> assertThat(c).startsWith("未落实“两个支出”优先：非三保支出进度 90.0%"));
        assertThat(warningRule.cause("640104", june)).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'DISCIPLINE_WARNING_RULE' and actor = 'analyst'")
                .query(Long.class).single()).isPositive();

        warningRule.setEnabled(false, "analyst");
        assertThat(warningRule.cause("640422", june)).isEmpty();
    }

    @Test
    void theDashboardListFollowsEachNewRevisionAndAUnitPageShowsTheSameCheck() {
        june("2082", "640106", "4000000.00", "4500000.00", "1000000.00", "1000000.00", "1000000.00");
        Period month = Period.parse("2082-06");
        DisciplineService.UnitCheck before = discipline.twoPriorities(month, "640106"::equals).get(0);
        assertThat(before.check().flagged()).isFalse();
        // the unit page reads only the unit's figures, and agrees with the province-wide list
        assertThat(discipline.twoPriorities(month, "640106")).contains(before);

        // a new revision lowers the cash: the list shown on the dashboard must not keep the old answer
        facts.createRevision("TEST", "库款下降 2082-06", "analyst", null, List.of(v("640106", "2082-06", "cash_balance", "500000.00")));
        DisciplineService.UnitCheck after = discipline.twoPriorities(month, "640106"::equals).get(0);
        assertThat(after.check().cashLevel()).isEqualByComparingTo("0.2000");
        assertThat(after.check().flagged()).isTrue();
        assertThat(discipline.twoPriorities(month, "640106")).contains(after);
        assertThat(discipline.flaggedMonths("640106", 2082, 6)).containsExactly(month);
    }

    /** The first test's figures, stored once whichever test runs first. */
    private synchronized void june2081ForRule() {
        if (discipline.twoPriorities(Period.parse("2081-06"), "640422").isPresent()) return;
        june2081("640422", "4000000.00", "4500000.00", "1000000.00", "1000000.00", "500000.00");
        june2081("640104", "4000000.00", "4500000.00", "1000000.00", "1000000.00", "1000000.00");
        june2081("640105", "4000000.00", "3500000.00", "600000.00", "1000000.00", "500000.00");
    }

    @Test
    void aPaymentImportProducesTheNonPriorityDebtAndDirectFundItemsInItsOwnRevision() throws IOException {
        Path file = dir.resolve("一月支付.csv");
        Files.writeString(file, HEADER + "\n"
                + "640422,2082-01-10,1000.00,2010301,30101,,县财政局\n"        // 保工资
                + "640422,2082-01-11,200.50,2120501,31005,P-1,住建局\n"       // 非三保 (310 资本性支出)
                + "640422,2082-01-12,300.00,2130504,31005,P-2,农业农村局\n"    // 非三保 and 直达资金 (2130504)
                + "640422,2082-01-13,400.00,2320301,30701,,县财政局\n"        // 其他刚性 and debt service (232)
                + "640422,2082-01-14,-50.00,2130504,31005,P-2,农业农村局\n",   // 冲销 of a direct-fund payment
                StandardCharsets.UTF_8);
        PaymentResult result = imports.importFile(file, "一月支付.csv", Period.parse("2082-01"), "analyst", u -> true, (p, n) -> { });

        Map<String, BigDecimal> stored = facts.valuesOf(result.revisionId()).stream()
                .filter(f -> f.unitCode().equals("640422")).collect(Collectors.toMap(FactValue::itemCode, FactValue::amount));
        assertThat(stored.get("paid_wage")).isEqualByComparingTo("1000.00");
        assertThat(stored.get("paid_non_priority")).isEqualByComparingTo("450.50");   // 200.50 + 300 − 50
        assertThat(stored.get("direct_paid")).isEqualByComparingTo("250.00");         // 300 − 50
        assertThat(stored.get("paid_debt_service")).isEqualByComparingTo("400.00");
        for (ResolvedFact f : facts.current(List.of("2082-01"), null))
            if (f.unitCode().equals("640422") && f.itemCode().equals("direct_paid")) assertThat(f.revisionId()).isEqualTo(result.revisionId());

        // February adds to January's figures (上月累计 + 本月合计)
        Path feb = dir.resolve("二月支付.csv");
        Files.writeString(feb, HEADER + "\n" + "640422,2082-02-10,1000.00,2010301,30101,,县财政局\n"
                + "640422,2082-02-11,99.50,2130505,31005,P-3,农业农村局\n", StandardCharsets.UTF_8);
        PaymentResult second = imports.importFile(feb, "二月支付.csv", Period.parse("2082-02"), "analyst", u -> true, (p, n) -> { });
        Map<String, BigDecimal> february = facts.valuesOf(second.revisionId()).stream()
                .collect(Collectors.toMap(FactValue::itemCode, FactValue::amount));
        assertThat(february.get("paid_non_priority")).isEqualByComparingTo("550.00");
        assertThat(february.get("direct_paid")).isEqualByComparingTo("349.50");
        assertThat(february.get("paid_debt_service")).isEqualByComparingTo("400.00");
    }

    @Test
    void directFundsThatArrivedThreeMonthsAgoAndAreStillUnpaidAreIdle() throws Exception {
        // 西吉: arrived 3,000,000 by February, 4,000,000 by March; paid 1,200,000 by May
        facts.createRevision("TEST", "直达资金 2083", "analyst", null, List.of(
                v("640422", "2083-02", "direct_arrived", "3000000.00"), v("640422", "2083-03", "direct_arrived", "4000000.00"),
                v("640422", "2083-05", "direct_allocated", "5000000.00"), v("640422", "2083-05", "direct_arrived", "4500000.00"),
                v("640422", "2083-05", "direct_paid", "1200000.00"),
                // 兴庆: everything that arrived by February was paid by May
                v("640104", "2083-02", "direct_arrived", "1000000.00"), v("640104", "2083-05", "direct_allocated", "2000000.00"),
                v("640104", "2083-05", "direct_arrived", "2000000.00"), v("640104", "2083-05", "direct_paid", "1000000.00")));
        Period may = Period.parse("2083-05");

        List<DisciplineService.DirectRow> idle3 = discipline.directFunds(may, 3, true, u -> true);
        assertThat(idle3).extracting(r -> r.unit().code()).containsExactly("640422");
        DirectFunds xiji = idle3.get(0).funds();
        assertThat(xiji.idle()).isEqualByComparingTo("1800000.00");           // 3,000,000 − 1,200,000
        assertThat(xiji.paidOfArrived()).isEqualByComparingTo("0.2667");      // 1,200,000 / 4,500,000
        assertThat(xiji.progress()).isEqualByComparingTo("0.5760");           // 1,200,000 / (5,000,000 × 5/12)
        // two months: what arrived by March counts; 兴庆 has no March figure (nothing arrived by then is known)
        assertThat(discipline.directFunds(may, 2, true, u -> true).get(0).funds().idle()).isEqualByComparingTo("2800000.00");
        assertThat(discipline.directFunds(may, 3, false, u -> true)).extracting(r -> r.unit().code()).contains("640422", "640104");
        assertThat(discipline.directFunds(may, 3, true, "640104"::equals)).isEmpty();

        String page = mvc.perform(get("/discipline/direct").param("period", "2083-05").param("months", "3").with(XIJI))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("西吉县").contains("180.00").doesNotContain("兴庆区");
        Xlsx x = Xlsx.read(mvc.perform(get("/discipline/direct/export").param("period", "2083-05").param("months", "2").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(x.rows()).hasSize(1);
        assertThat(x.rows().get(0).get(0)).isEqualTo("西吉县");
        assertThat(new BigDecimal(x.rows().get(0).get(4).toString())).isEqualByComparingTo("280.00");
        mvc.perform(get("/discipline/direct").param("period", "2083-05").param("months", "0").with(ANALYST)).andExpect(status().isBadRequest());
    }
}
