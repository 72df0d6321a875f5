package cn.sanbao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import cn.sanbao.demo.DemoDataGenerator;
import cn.sanbao.demo.DemoFact;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.ScoringEngine;
import cn.sanbao.engine.UnitInput;
import cn.sanbao.engine.UnitScore;
import cn.sanbao.facts.FactResolver;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;

/**
 * Monthly and weekly runs on a real database, checked against the engine run in memory on the same
 * generated data: this runs on H2 and on PostgreSQL, so both must give these results.
 */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class MonitoringTest {

    @Autowired FactRepository facts;
    @Autowired FactResolver resolver;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired ModelRegistry models;
    @Autowired RegionTree regions;

    @BeforeEach
    void demo() {
        DemoData.ensureLoaded(facts, scoring, results);
    }

    @Test
    void everyMonthAndWeekOfTheDemoYearIsScoredForEveryUnit() {
        for (int m = 1; m <= 12; m++)
            assertThat(results.latestRun(Period.month(2021, m))).get().satisfies(r -> assertThat(r.unitCount()).isEqualTo(34));
        for (int w = 1; w <= 52; w++)
            assertThat(results.latestRun(Period.week(2021, w))).as("W%d", w).isPresent();
        assertThat(results.latestPeriod(Period.Type.MONTH)).get().satisfies(
                p -> assertThat(Period.parse(p)).isGreaterThanOrEqualTo(Period.month(2021, 12)));
    }

    @Test
    void storedMonthlyResultsEqualTheEngineOnTheGeneratedData() {
        Map<String, Map<String, Map<String, BigDecimal>>> data = generated();
        ScoringEngine engine = models.engine(models.publishedFor(Period.month(2021, 1)));
        for (int m = 1; m <= 12; m++) {
            Period p = Period.month(2021, m);
            Map<String, UnitRanking> stored = new HashMap<>();
            results.ranking(p, u -> true).forEach(r -> stored.put(r.unitCode(), r));
            for (FiscalUnit u : regions.all()) {
                Map<String, BigDecimal> values = new HashMap<>();
                for (FiscalUnit member : regions.members(u.code())) {
                    Map<String, BigDecimal> own = new HashMap<>(data.get(member.code()).get("2021"));
                    own.putAll(data.get(member.code()).get(p.code()));
                    own.forEach((k, v) -> values.merge(k, v, BigDecimal::add));
                }
                UnitScore expected = engine.score(new UnitInput(u.code(), p, values, u.isConsolidated()));
                UnitRanking actual = stored.get(u.code());
                assertThat(actual.total()).as("%s %s", u.name(), p).isEqualByComparingTo(expected.total());
                assertThat(actual.grade()).as("%s %s", u.name(), p).isEqualTo(expected.grade());
                assertThat(actual.complete()).isTrue();
            }
        }
    }

    @Test
    void explanationNamesModelRevisionsAndOverride() {
        ScoringRun run = results.latestRun(Period.month(2021, 3)).orElseThrow();
        ResultExplanation e = results.explanation(run.id(), DemoDataGenerator.ARREARS_UNIT);
        assertThat(e.modelLabel()).isEqualTo("四梁八柱默认模型 v1");
        assertThat(e.grade()).isEqualTo("HIGH");
        assertThat(e.overrides()).extracting(ResultExplanation.Override::code).containsExactly("ARREARS");
        assertThat(e.indicators()).hasSize(12);
        for (ResultExplanation.Indicator i : e.indicators())
            for (ResultExplanation.Input in : i.inputs())
                if (!in.item().equals("T")) {
                    assertThat(in.revisionId()).as(in.item()).isNotNull().isLessThanOrEqualTo(run.asOfRevision());
                    assertThat(in.sourcePeriod()).isIn("2021", "2021-03");
                }
    }

    @Test
    void gradeMoveSinceLastMonthIsShown() {
        UnitRanking xiji = results.ranking(Period.month(2021, 3), DemoDataGenerator.ARREARS_UNIT::equals).get(0);
        assertThat(xiji.previousGrade()).isEqualTo("MEDIUM");
        assertThat(xiji.grade()).isEqualTo("HIGH");
        assertThat(xiji.gradeChanged()).isTrue();
        assertThat(xiji.overrides()).isEqualTo("存在工资或基本民生拖欠");
        ScoringRun run = results.latestRun(Period.month(2021, 3)).orElseThrow();
        assertThat(results.moves(run, DemoDataGenerator.ARREARS_UNIT, 3)).isNotEmpty()
                .allSatisfy(mv -> assertThat(mv.change().signum()).isNotZero());
    }

    @Test
    void weeklyRunReadsMonthlyOnlyItemsFromTheLastClosedMonth() {
        Period week = Period.week(2021, 30);
        ScoringRun run = results.latestRun(week).orElseThrow();
        ResultExplanation e = results.explanation(run.id(), "640104");
        ResultExplanation.Input temp = e.indicators().stream().flatMap(i -> i.inputs().stream())
                .filter(in -> in.item().equals("temp_payment_balance")).findFirst().orElseThrow();
        assertThat(temp.sourcePeriod()).isEqualTo(week.latestClosedMonth().code());
        ResultExplanation.Input cash = e.indicators().stream().flatMap(i -> i.inputs().stream())
                .filter(in -> in.item().equals("cash_balance")).findFirst().orElseThrow();
        assertThat(cash.sourcePeriod()).isEqualTo("2021-W30");
    }

    @Test
    void newRevisionIsUsedByARerunAndTheEarlierRunStaysAsItWas() {
        Period week = Period.week(2021, 20);
        ScoringRun before = results.latestRun(week).orElseThrow();
        ResultExplanation old = results.explanation(before.id(), "640521");
        long rev = facts.createRevision("TEST", "中宁县第20周库款更正", "tester", null,
                List.of(new FactValue("640521", week.code(), "cash_balance", new BigDecimal("1000.00"))));
        ScoringRun after = scoring.run(week, "tester", "更正后重算");
        assertThat(after.id()).isGreaterThan(before.id());
        assertThat(after.asOfRevision()).isGreaterThanOrEqualTo(rev);
        ResultExplanation now = results.explanation(after.id(), "640521");
        ResultExplanation.Input cash = cashInput(now);
        assertThat(cash.value()).isEqualByComparingTo("1000.00");
        assertThat(cash.revisionId()).isEqualTo(rev);
        assertThat(now.overrides()).extracting(ResultExplanation.Override::code).contains("CASH_FLOOR");
        // the earlier run is untouched and still explains itself with the old figure
        assertThat(results.explanation(before.id(), "640521")).isEqualTo(old);
        assertThat(cashInput(old).value()).isNotEqualByComparingTo("1000.00");
        // the old figure is still reachable as of the earlier revision
        assertThat(resolver.resolve(week, before.asOfRevision()).get("640521").amount("cash_balance"))
                .contains(cashInput(old).value());
        // the new run is the one shown for the period from now on
        assertThat(results.latestRun(week)).get().extracting(ScoringRun::id).isEqualTo(after.id());
    }

    @Test
    void missingDataIsFlaggedThroughTheRunNeverScoredAsGood() {
        Map<String, Map<String, Map<String, BigDecimal>>> data = generated();
        List<FactValue> values = new java.util.ArrayList<>();
        data.get("640104").get("2021").forEach((item, v) -> values.add(new FactValue("640104", "2022", item, v)));
        data.get("640104").get("2021-01").forEach((item, v) -> {
            if (!item.equals("cash_balance")) values.add(new FactValue("640104", "2022-01", item, v));
        });
        facts.createRevision("TEST", "兴庆区 2022年1月（缺库款）", "tester", null, values);
        ScoringRun run = scoring.run(Period.month(2022, 1), "tester", null);

        UnitRanking xingqing = results.ranking(run, "640104"::equals).get(0);
        assertThat(xingqing.complete()).isFalse();
        assertThat(xingqing.grade()).isNull();
        assertThat(xingqing.gradeName()).isEqualTo("数据缺失");
        assertThat(xingqing.missing()).isEqualTo("国库库款余额");
        ResultExplanation e = results.explanation(run.id(), "640104");
        assertThat(e.indicators()).filteredOn(i -> i.code().equals("CASH_COVERAGE")).singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo("MISSING"));
        // the whole city cannot be summed while members are missing, and says which
        ResultExplanation city = results.explanation(run.id(), "640100");
        assertThat(city.complete()).isFalse();
        assertThat(city.dataNotes()).anyMatch(n -> n.contains("西夏区"));
    }

    private static ResultExplanation.Input cashInput(ResultExplanation e) {
        return e.indicators().stream().filter(i -> i.code().equals("CASH_COVERAGE")).findFirst().orElseThrow()
                .inputs().stream().filter(in -> in.item().equals("cash_balance")).findFirst().orElseThrow();
    }

    private static Map<String, Map<String, Map<String, BigDecimal>>> generated() {
        Map<String, Map<String, Map<String, BigDecimal>>> out = new HashMap<>();
        for (DemoFact f : new DemoDataGenerator().generate())
            out.computeIfAbsent(f.unitCode(), k -> new HashMap<>()).computeIfAbsent(f.period(), k -> new HashMap<>())
                    .put(f.itemCode(), f.amount());
        return out;
    }
}
