package cn.sanbao.engine;

import cn.sanbao.kernel.Period;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import cn.sanbao.engine.Models;

/** The shipped 四梁八柱 model on a unit computed by hand (June, time progress 0.5). */
class DefaultModelTest {

    static final ScoringModel MODEL = TestModels.defaultModel();
    static final ScoringEngine ENGINE = new ScoringEngine(MODEL);
    static final Period JUNE = Period.month(2021, 6);

    /** Hand-computed: pillars 15+9+0+9 = 33, indicators 4+5+3+4+3+3+5+2 = 29, total 62 → 中度风险. */
    static Map<String, BigDecimal> handUnit() {
        Map<String, BigDecimal> v = new HashMap<>();
        put(v, "demand_wage", "1000000000.00");
        put(v, "demand_operation", "200000000.00");
        put(v, "demand_livelihood", "800000000.00");
        put(v, "fiscal_capacity", "2600000000.00");      // 1.3 倍 → 80% → 4
        put(v, "budget_wage", "1000000000.00");
        put(v, "paid_wage", "500000000.00");              // 1.00 → 15
        put(v, "budget_operation", "200000000.00");
        put(v, "paid_operation", "95000000.00");          // 0.95 → 60% → 9
        put(v, "budget_livelihood", "760000000.00");
        put(v, "paid_livelihood", "340000000.00");        // 0.8947 → 0
        put(v, "budget_other_rigid", "100000000.00");
        put(v, "paid_other_rigid", "46000000.00");        // 0.92 exactly → 60% → 9
        put(v, "cash_balance", "250000000.00");           // 1.5 倍 exactly → 5
        put(v, "revenue_budget", "600000000.00");
        put(v, "revenue_to_date", "288000000.00");        // gap 12,000,000 / cap = 0.46% → 80% → 4
        put(v, "temp_payment_opening", "500000000.00");
        put(v, "temp_payment_target", "100000000.00");
        put(v, "temp_payment_balance", "470000000.00");   // 30 / 50 = 0.6 → 60% → 3
        put(v, "offstaff_cap", "1000");
        put(v, "offstaff_headcount", "1050");             // 1.05 exactly → 60% → 3
        put(v, "hidden_debt_plan", "80000000.00");
        put(v, "hidden_debt_funded", "40000000.00");      // 1.0 → 5
        put(v, "debt_service_due", "50000000.00");
        put(v, "debt_service_funded", "45000000.00");     // 0.9 exactly → 40% → 2
        put(v, "wage_arrears", "0.00");
        put(v, "livelihood_arrears", "0.00");
        // BUDGET_ARRANGED = (1000 + 200 + 760) / 2000 = 0.98 → 60% → 3
        return v;
    }

    static void put(Map<String, BigDecimal> v, String k, String amount) {
        v.put(k, new BigDecimal(amount));
    }

    static UnitScore score(Map<String, BigDecimal> values) {
        return ENGINE.score(new UnitInput("U1", JUNE, values));
    }

    @Test
    void handComputedUnitScoresEveryIndicatorAsExpected() {
        UnitScore s = score(handUnit());
        Map<String, String> expected = Map.ofEntries(
                Map.entry("EXEC_WAGE", "15.00"), Map.entry("EXEC_OPERATION", "9.00"),
                Map.entry("EXEC_LIVELIHOOD", "0.00"), Map.entry("EXEC_OTHER_RIGID", "9.00"),
                Map.entry("CAPACITY_COVERAGE", "4.00"), Map.entry("CASH_COVERAGE", "5.00"),
                Map.entry("BUDGET_ARRANGED", "3.00"), Map.entry("REVENUE_SHORTFALL", "4.00"),
                Map.entry("TEMP_PAYMENT_REDUCTION", "3.00"), Map.entry("OFFSTAFF_CONTROL", "3.00"),
                Map.entry("HIDDEN_DEBT_FUNDING", "5.00"), Map.entry("DEBT_SERVICE", "2.00"));
        expected.forEach((code, pts) -> assertThat(s.indicator(code).points()).as(code).isEqualByComparingTo(pts));
        assertThat(s.total()).isEqualByComparingTo("62.00");
        assertThat(s.grade()).isEqualTo("MEDIUM");
        assertThat(s.complete()).isTrue();
        assertThat(s.overrides()).isEmpty();
        assertThat(s.groups()).extracting(g -> g.points().toPlainString()).containsExactly("33.00", "29.00");
    }

    @Test
    void explanationNamesInputsFormulaValueBandAndPoints() {
        IndicatorResult cap = score(handUnit()).indicator("CAPACITY_COVERAGE");
        assertThat(cap.formula()).isEqualTo("fiscal_capacity / demand");
        assertThat(cap.inputs()).containsKeys("fiscal_capacity", "demand_wage", "demand_operation", "demand_livelihood");
        assertThat(cap.value()).isEqualByComparingTo("1.3");
        assertThat(cap.band()).isEqualTo("[1.2, 1.5)");
        assertThat(cap.share()).isEqualByComparingTo("0.8");
        assertThat(cap.weight()).isEqualByComparingTo("5");
        assertThat(cap.lost()).isEqualByComparingTo("1.00");
        assertThat(cap.explanation()).contains("1.30 倍", "≥ 1.2 倍 且 < 1.5 倍", "80%", "4.00 / 5");
    }

    @Test
    void wageArrearsForceHighRiskWhateverThePoints() {
        Map<String, BigDecimal> v = handUnit();
        put(v, "paid_livelihood", "380000000.00"); // now 77 points → 低度风险 before the override
        assertThat(score(v).grade()).isEqualTo("LOW");
        put(v, "wage_arrears", "0.01");
        UnitScore s = score(v);
        assertThat(s.total()).isEqualByComparingTo("77.00");
        assertThat(s.grade()).isEqualTo("HIGH");
        assertThat(s.overrides()).singleElement().satisfies(o -> {
            assertThat(o.code()).isEqualTo("ARREARS");
            assertThat(o.changedGrade()).isTrue();
        });
    }

    @Test
    void livelihoodArrearsAlsoForceHighRisk() {
        Map<String, BigDecimal> v = handUnit();
        put(v, "livelihood_arrears", "1200.00");
        assertThat(score(v).grade()).isEqualTo("HIGH");
    }

    @Test
    void cashBelowThreeTenthsOfAMonthFloorsAtMediumRisk() {
        Map<String, BigDecimal> v = handUnit();
        put(v, "paid_livelihood", "380000000.00");
        // 0.3 month of need = 50,000,000. Just above: no floor (cash band 0 → 72 points, 中度 anyway);
        // so lift the points first to see the floor act on a 低度 unit.
        put(v, "fiscal_capacity", "4000000000.00"); // 2.0 倍 → 5 (+1); shortfall 12M/4000M = 0.3% → 4
        put(v, "cash_balance", "50000000.00");      // exactly 0.3 months → cash 0 points, floor does not fire
        UnitScore atEdge = score(v);
        assertThat(atEdge.total()).isEqualByComparingTo("73.00");
        assertThat(atEdge.overrides()).isEmpty();
        put(v, "debt_service_funded", "50000000.00"); // +3 → 76 → 低度风险 by points
        put(v, "cash_balance", "49999999.99");
        UnitScore s = score(v);
        assertThat(s.total()).isEqualByComparingTo("76.00");
        assertThat(s.provisionalGrade()).isEqualTo("MEDIUM");
        assertThat(s.grade()).isEqualTo("MEDIUM");
        assertThat(s.overrides()).extracting(UnitScore.FiredOverride::code).containsExactly("CASH_FLOOR");
    }

    @Test
    void floorNeverImprovesAWorseGrade() {
        Map<String, BigDecimal> v = handUnit();
        put(v, "paid_wage", "0.00"); // 47 points → 高度风险
        put(v, "cash_balance", "1000.00");
        UnitScore s = score(v);
        assertThat(s.grade()).isEqualTo("HIGH");
        assertThat(s.overrides()).singleElement().satisfies(o -> assertThat(o.changedGrade()).isFalse());
    }

    @Test
    void missingItemIsFlaggedNeverScoredAsGood() {
        Map<String, BigDecimal> v = handUnit();
        v.remove("cash_balance");
        UnitScore s = score(v);
        assertThat(s.complete()).isFalse();
        assertThat(s.grade()).isNull();
        assertThat(s.missing()).containsExactly("cash_balance");
        IndicatorResult cash = s.indicator("CASH_COVERAGE");
        assertThat(cash.status()).isEqualTo(IndicatorResult.Status.MISSING);
        assertThat(cash.points()).isEqualByComparingTo("0");
        assertThat(cash.explanation()).contains("国库库款余额", "cash_balance");
        // the cash floor depends on the same item and cannot be judged either
        assertThat(s.problems()).anyMatch(p -> p.contains("库款低于"));
        // without the cash points the available data alone gives 57 → 高度风险
        assertThat(s.total()).isEqualByComparingTo("57.00");
        assertThat(s.provisionalGrade()).isEqualTo("HIGH");
    }

    @Test
    void missingArrearsCannotBeAssumedZero() {
        Map<String, BigDecimal> v = handUnit();
        v.remove("wage_arrears");
        UnitScore s = score(v);
        assertThat(s.complete()).isFalse();
        assertThat(s.grade()).isNull();
        assertThat(s.missing()).containsExactly("wage_arrears");
    }

    @Test
    void forcedGradeStandsEvenWhenOtherDataIsMissing() {
        Map<String, BigDecimal> v = handUnit();
        v.remove("offstaff_headcount");
        put(v, "wage_arrears", "100.00");
        UnitScore s = score(v);
        assertThat(s.complete()).isFalse();
        assertThat(s.grade()).isEqualTo("HIGH");
        assertThat(s.missing()).containsExactly("offstaff_headcount");
    }

    @Test
    void divisionByZeroIsInvalidNotZero() {
        Map<String, BigDecimal> v = handUnit();
        put(v, "offstaff_cap", "0");
        UnitScore s = score(v);
        IndicatorResult r = s.indicator("OFFSTAFF_CONTROL");
        assertThat(r.status()).isEqualTo(IndicatorResult.Status.INVALID);
        assertThat(r.explanation()).contains("除数为零");
        assertThat(s.complete()).isFalse();
        assertThat(s.grade()).isNull();
    }

    @Test
    void explanationNeverRoundsAValueIntoAnotherBand() {
        Map<String, BigDecimal> v = handUnit();
        put(v, "debt_service_due", "100000000.00");
        put(v, "debt_service_funded", "99996000.00"); // 0.99996: in [0.9, 1), must not read "100%"
        IndicatorResult r = score(v).indicator("DEBT_SERVICE");
        assertThat(r.band()).isEqualTo("[0.9, 1)");
        assertThat(r.explanation()).contains("值 99.996%，在「≥ 90% 且 < 100%」档").doesNotContain("值 100%");
        assertThat(score(handUnit()).indicator("EXEC_OPERATION").explanation()).startsWith("值 95%，在「≥ 92% 且 < 100%」档");
    }

    @Test
    void noDebtDueYetCountsAsFullyFunded() {
        Map<String, BigDecimal> v = handUnit();
        put(v, "debt_service_due", "0.00");
        put(v, "debt_service_funded", "0.00");
        assertThat(score(v).indicator("DEBT_SERVICE").points()).isEqualByComparingTo("5.00");
    }

    @Test
    void modelLoadsWithSpecDefaults() {
        assertThat(MODEL.indicators()).hasSize(12);
        assertThat(MODEL.totalPoints()).isEqualByComparingTo("100");
        assertThat(MODEL.effectiveFrom()).isEqualTo(Period.month(2021, 1));
        assertThat(MODEL.grades()).extracting(ScoringModel.Grade::name).containsExactly("平稳运行", "低度风险", "中度风险", "高度风险");
    }

    static ScoringModel reload() {
        return Models.parse(TestModels.read("/models/sanbao-default.yaml"), "sanbao-default.yaml");
    }
}
