package cn.sanbao.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.intake.GeneratedPayments;
import cn.sanbao.intake.PaymentRepository;
import cn.sanbao.intake.PaymentClass;
import cn.sanbao.monitoring.ResultExplanation;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRun;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.projects.demand.DemandService;
import cn.sanbao.projects.demand.ScopeRepository;
import cn.sanbao.projects.demo.ProjectsDemoLoader;
import cn.sanbao.projects.library.ProjectRepository;
import cn.sanbao.projects.list.GuaranteeListRepository;
import cn.sanbao.projects.trace.PillarTrace;
import cn.sanbao.projects.trace.ProjectProgress;
import cn.sanbao.projects.trace.TraceService;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;

/**
 * The demo year tells one story on every screen: payment detail sums to the paid-to-date facts monitoring reads
 * for every budget unit, month and pillar; the trace shows the same money paid; a city is graded on its sums, not
 * forced to 高度风险 by one county's arrears, and its page says which members are 高度风险 and why.
 */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class DemoStoryTest {

    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired RegionTree regions;
    @Autowired GeneratedPayments generated;
    @Autowired PaymentRepository payments;
    @Autowired GuaranteeListRepository lists;
    @Autowired ScopeRepository scopes;
    @Autowired DemandService demand;
    @Autowired ProjectRepository projects;
    @Autowired TraceService trace;
    @Autowired MockMvc mvc;
    @Autowired cn.sanbao.intake.SpendingMarks marks;
    @Autowired cn.sanbao.discipline.DisciplineService discipline;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired cn.sanbao.audit.AuditLog audit;
    @Autowired org.springframework.transaction.support.TransactionOperations tx;

    @BeforeEach
    void demo() {
        synchronized (DemoStoryTest.class) {
            DemoData.ensureLoaded(facts, scoring, results);
            if (!payments.hasUnitMonths(2021)) new DemoPaymentsLoader(facts, regions, generated, payments, marks, audit, tx, null).load();
            if (projects.ofUnit("640104", 2021).isEmpty()) new ProjectsDemoLoader(lists, scopes, demand, projects).load();
        }
    }

    /** As for every import (see OneFactValidatorTest): one demo payment month, one audit entry, one per revision. */
    @Test
    void eachDemoPaymentMonthLeavesOneAuditEntryAndTheRevisionsOfItsRowsKeepTheirOwn() {
        List<String> imports = jdbc.sql("select target from audit_event where action = 'INTAKE_PAYMENT' and actor = :a")
                .param("a", DemoDataLoader.ACTOR).query(String.class).list();
        assertThat(imports).hasSize(12).doesNotHaveDuplicates();
        List<String> rowRevisions = jdbc.sql("select distinct 'revision:' || cast(revision_id as varchar(20)) from payment_unit_month "
                + "where period like '2021-%'").query(String.class).list();
        assertThat(rowRevisions).isNotEmpty();
        for (String target : imports) assertThat(entries(target)).as(target).containsExactly("INTAKE_PAYMENT");
        for (String target : rowRevisions) assertThat(entries(target)).as(target).hasSize(1);
        assertThat(jdbc.sql("select detail from audit_event where action = 'INTAKE_PAYMENT' and actor = :a and detail like :m")
                .param("a", DemoDataLoader.ACTOR).param("m", "演示支付明细 2021年3月（生成），% 行存于修订 #%").query(String.class).list())
                .hasSize(1);
    }

    private List<String> entries(String target) {
        return jdbc.sql("select action from audit_event where target = :t").param("t", target).query(String.class).list();
    }

    @Test
    void paymentTotalsEqualTheMonitoringFactsForEveryUnitMonthAndPillar() {
        Map<String, BigDecimal> previous = new HashMap<>();
        int compared = 0;
        for (int m = 1; m <= 12; m++) {
            Period month = Period.month(2021, m);
            Map<String, ResolvedFact> paid = new HashMap<>();
            for (ResolvedFact f : facts.current(List.of(month.code()), null))
                if (f.itemCode().startsWith("paid_")) paid.put(f.unitCode() + "|" + f.itemCode(), f);
            Map<Long, Map<String, Map<PaymentClass, BigDecimal>>> byRevision = new HashMap<>();
            for (FiscalUnit u : regions.budgetUnits()) {
                for (PaymentClass p : PaymentClass.COUNTED) {
                    ResolvedFact fact = paid.get(u.code() + "|" + p.itemCode());
                    assertThat(fact).as("%s %s %s", u.name(), month.code(), p).isNotNull();
                    Map<PaymentClass, BigDecimal> sums = byRevision.computeIfAbsent(fact.revisionId(), payments::totals).get(u.code());
                    assertThat(sums).as("%s %s 有支付明细", u.name(), month.code()).isNotNull();
                    BigDecimal increase = fact.amount().subtract(previous.getOrDefault(u.code() + "|" + p, BigDecimal.ZERO));
                    assertThat(sums.getOrDefault(p, BigDecimal.ZERO)).as("%s %s %s", u.name(), month.code(), p.label())
                            .isEqualByComparingTo(increase);
                    previous.put(u.code() + "|" + p, fact.amount());
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(28 * 12 * 4);
    }

    @Test
    void theItemsMadeFromPaymentDetailEqualTheDetailForEveryUnitAndMonth() {
        Map<String, BigDecimal> previous = new HashMap<>();
        int compared = 0;
        for (int m = 1; m <= 12; m++) {
            Period month = Period.month(2021, m);
            Map<String, ResolvedFact> now = new HashMap<>();
            for (ResolvedFact f : facts.current(List.of(month.code()), null)) now.put(f.unitCode() + "|" + f.itemCode(), f);
            for (FiscalUnit u : regions.budgetUnits()) {
                long revision = now.get(u.code() + "|paid_wage").revisionId();
                Map<String, BigDecimal> detail = new HashMap<>();
                detail.put("paid_non_priority", payments.totals(revision).get(u.code()).getOrDefault(PaymentClass.NONE, BigDecimal.ZERO));
                for (cn.sanbao.intake.SpendingMark mark : cn.sanbao.intake.SpendingMark.values()) {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (cn.sanbao.intake.SpendingMarks.Rule r : marks.rules(mark))
                        sum = sum.add(jdbc.sql("select coalesce(sum(amount), 0) from payment_detail where revision_id = :r and unit_code = :u and "
                                        + (r.kind() == cn.sanbao.intake.SpendingMarks.CodeKind.FUNCTION ? "function_code" : "economic_code") + " like :p")
                                .param("r", revision).param("u", u.code()).param("p", r.prefix() + "%").query(BigDecimal.class).single());
                    detail.put(mark.itemCode(), sum);
                }
                for (Map.Entry<String, BigDecimal> d : detail.entrySet()) {
                    ResolvedFact fact = now.get(u.code() + "|" + d.getKey());
                    BigDecimal before = previous.getOrDefault(u.code() + "|" + d.getKey(), BigDecimal.ZERO);
                    BigDecimal value = fact == null ? BigDecimal.ZERO : fact.amount();
                    assertThat(value.subtract(before)).as("%s %s %s", u.name(), month.code(), d.getKey()).isEqualByComparingTo(d.getValue());
                    previous.put(u.code() + "|" + d.getKey(), value);
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(28 * 12 * 3);
    }

    @Test
    void twoUnitsBreakTheTwoPrioritiesRuleInTightMonthsAndTwoLeaveDirectFundsIdle() {
        Map<String, List<Integer>> flagged = new java.util.TreeMap<>();
        for (int m = 1; m <= 12; m++)
            for (cn.sanbao.discipline.DisciplineService.UnitCheck c : discipline.twoPriorities(Period.month(2021, m), u -> true))
                if (c.check().flagged()) flagged.computeIfAbsent(c.unit().code(), k -> new java.util.ArrayList<>()).add(m);
                else if (c.check().cashBelowBand()) System.out.println("low cash, not flagged: " + c.unit().code() + " " + m + " " + c.check());
        System.out.println("两个支出 flagged: " + flagged);
        assertThat(flagged).containsKeys(DemoDataGenerator.ARREARS_UNIT, DemoDataGenerator.LOW_CASH_UNIT);

        List<cn.sanbao.discipline.DisciplineService.DirectRow> idle = discipline.directFunds(Period.month(2021, 9), 3, true, u -> true);
        System.out.println("idle: " + idle.stream().map(r -> r.unit().code() + "=" + r.funds().idle()).toList());
        assertThat(idle).extracting(r -> r.unit().code()).containsExactlyInAnyOrder("640423", "640425");
        assertThat(idle).allSatisfy(r -> assertThat(r.projects()).singleElement()
                .satisfies(p -> assertThat(p.name()).startsWith("衔接推进乡村振兴补助资金")));
    }

    @Test
    void traceShowsThePaidToDateMonitoringReadsAndNoUnpaidProject() {
        for (String unit : List.of("640104", "640422")) {
            for (int m : List.of(3, 6, 12)) {
                Period month = Period.month(2021, m);
                LocalDate end = month.endDate();
                Map<String, BigDecimal> paid = new HashMap<>();
                for (ResolvedFact f : facts.current(List.of(month.code()), null))
                    if (f.unitCode().equals(unit)) paid.put(f.itemCode(), f.amount());
                for (cn.sanbao.kernel.Pillar p : cn.sanbao.kernel.Pillar.SANBAO) {
                    PillarTrace t = trace.pillar(unit, 2021, p, end);
                    assertThat(t.paymentsConnected()).isTrue();
                    String item = "paid_" + p.demandItem().substring("demand_".length());
                    assertThat(t.paidTotal()).as("%s %s %s", unit, month.code(), p).isEqualByComparingTo(paid.get(item));
                    if (m >= 6) assertThat(t.projects()).as("%s %s", unit, p).noneMatch(ProjectProgress::noPaymentByMidYear);
                }
            }
        }
    }

    @Test
    void aCityIsNotForcedToHighRiskByOneCountysArrearsAndItsPageNamesTheHighRiskMembers() throws Exception {
        Period march = Period.month(2021, 3);
        ScoringRun run = results.latestRun(march).orElseThrow();
        ResultExplanation xiji = results.explanation(run.id(), DemoDataGenerator.ARREARS_UNIT);
        assertThat(xiji.overrides()).extracting(ResultExplanation.Override::code).containsExactly("ARREARS");
        assertThat(xiji.grade()).isEqualTo("HIGH");
        for (String consolidated : List.of("640400", "640000")) {
            ResultExplanation e = results.explanation(run.id(), consolidated);
            assertThat(e.overrides()).as(consolidated).isEmpty();
            assertThat(e.grade()).as(consolidated).isNotEqualTo("HIGH");
        }

        List<UnitRanking> members = results.ranking(run, code -> regions.isWithin(code, "640400") && regions.isBudgetUnit(code));
        List<UnitRanking> high = members.stream().filter(r -> "HIGH".equals(r.grade())).toList();
        assertThat(members).hasSize(6);
        assertThat(high).extracting(UnitRanking::unitCode).contains(DemoDataGenerator.ARREARS_UNIT);
        String page = mvc.perform(get("/monitoring/units/640400").param("period", "2021-03")
                        .with(user("analyst").roles(Roles.ANALYST)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("所属预算单位").contains("所属 6 个预算单位中，高度风险 " + high.size() + " 个。")
                .contains("西吉县").contains("存在工资或基本民生拖欠");
        for (UnitRanking r : high) assertThat(page).contains(r.unitName());

        String county = mvc.perform(get("/monitoring/units/640422").param("period", "2021-03")
                        .with(user("analyst").roles(Roles.ANALYST)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(county).doesNotContain("所属预算单位");
    }
}
