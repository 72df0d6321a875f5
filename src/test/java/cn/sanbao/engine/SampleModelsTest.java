package cn.sanbao.engine;

import cn.sanbao.kernel.Period;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import cn.sanbao.engine.Models;

/**
 * The two sample models under samples/models show that other published method styles are pure
 * configuration. Units are computed by hand in June (time progress T = 0.5); amounts in yuan.
 * Every unit has 三保 demand 600M + 200M + 400M = 1,200M (one month = 100M), budgets of the same
 * amounts (1,200M, so on schedule in June = 600M paid) and revenue budget 800M (on schedule = 400M).
 */
class SampleModelsTest {

    static final Period JUNE = Period.month(2021, 6);
    static final ScoringModel POINTS = Models.load(Path.of("samples/models/points-100.yaml"));
    static final ScoringModel LETTERS = Models.load(Path.of("samples/models/letter-grades.yaml"));

    static final BigDecimal M = new BigDecimal("1000000");

    /** A unit on schedule everywhere, no debt due, no arrears; amounts in millions of yuan. */
    static Map<String, BigDecimal> base() {
        Map<String, BigDecimal> v = new HashMap<>();
        mil(v, "demand_wage", "600");
        mil(v, "demand_operation", "200");
        mil(v, "demand_livelihood", "400");
        mil(v, "budget_wage", "600");
        mil(v, "budget_operation", "200");
        mil(v, "budget_livelihood", "400");
        paid(v, "600");
        mil(v, "revenue_budget", "800");
        mil(v, "revenue_to_date", "400");
        mil(v, "fiscal_capacity", "1800");
        mil(v, "cash_balance", "200");
        mil(v, "temp_payment_balance", "90");
        mil(v, "debt_service_due", "0");
        mil(v, "debt_service_funded", "0");
        v.put("offstaff_cap", new BigDecimal("1000"));
        v.put("offstaff_headcount", new BigDecimal("1000"));
        v.put("wage_arrears", new BigDecimal("0.00"));
        v.put("livelihood_arrears", new BigDecimal("0.00"));
        return v;
    }

    static void mil(Map<String, BigDecimal> v, String item, String millions) {
        v.put(item, new BigDecimal(millions).multiply(M).setScale(2));
    }

    /** Paid to date, split like the budgets 3 : 1 : 2 (wage : operation : livelihood). */
    static void paid(Map<String, BigDecimal> v, String millions) {
        BigDecimal total = new BigDecimal(millions).multiply(M);
        v.put("paid_wage", total.divide(BigDecimal.valueOf(2)).setScale(2));
        v.put("paid_operation", total.divide(BigDecimal.valueOf(6), java.math.RoundingMode.UNNECESSARY).setScale(2));
        v.put("paid_livelihood", total.divide(BigDecimal.valueOf(3), java.math.RoundingMode.UNNECESSARY).setScale(2));
    }

    static UnitScore score(ScoringModel model, Map<String, BigDecimal> values) {
        return new ScoringEngine(model).score(new UnitInput("U", JUNE, values));
    }

    static void points(UnitScore s, String code, String expected) {
        assertThat(s.indicator(code).points()).as(code).isEqualByComparingTo(expected);
    }

    // ---------------------------------------------------------------- points-100

    @Test
    void pointsModelLoadsWithWeightsAddingToHundred() {
        assertThat(POINTS.totalPoints()).isEqualByComparingTo("100");
        assertThat(POINTS.indicators()).hasSize(6);
        assertThat(POINTS.indicators()).anyMatch(i -> i.scoring() instanceof Scoring.Linear);
        assertThat(POINTS.usesDecisionTable()).isFalse();
    }

    @Test
    void pointsFullMarksWithTwoValuesExactlyOnBandEdges() {
        UnitScore s = score(POINTS, base());
        points(s, "CAPACITY", "20");           // 1800 / 1200 = 1.5 exactly → [1.5, +inf) → 20
        points(s, "CASH_MONTHS", "20");        // 200 / 100 = 2.0 months ≥ 1.5 → flat at 100 % → 20
        points(s, "REVENUE_PROGRESS", "10");   // 400 / (800 × 0.5) = 1 → 10
        points(s, "SANBAO_EXECUTION", "20");   // 600 / (1200 × 0.5) = 1 → 20
        points(s, "TEMP_PAYMENT_SHARE", "15"); // 90 / 1800 = 5 % exactly → (-inf, 5%] → 15
        points(s, "DEBT_SERVICE", "15");       // nothing due → 1 → 15
        assertThat(s.indicator("TEMP_PAYMENT_SHARE").band()).isEqualTo("(-inf, 0.05]");
        assertThat(s.total()).isEqualByComparingTo("100");
        assertThat(s.groups()).extracting(g -> g.points().toPlainString()).containsExactly("50.00", "50.00");
        assertThat(s.grade()).isEqualTo("A");
        assertThat(s.complete()).isTrue();
    }

    @Test
    void pointsTotalExactlyOnTheCutOffTakesTheHigherGrade() {
        Map<String, BigDecimal> v = base();
        mil(v, "fiscal_capacity", "1500");      // 1500 / 1200 = 1.25 → [1.2, 1.5) → 15 (−5)
        mil(v, "temp_payment_balance", "300");  // 300 / 1500 = 20 % exactly → (10%, 20%] → 5 (−10)
        UnitScore s = score(POINTS, v);
        // 15 + 20 + 10 + 20 + 5 + 15 = 85 = the cut-off of A
        assertThat(s.total()).isEqualByComparingTo("85");
        assertThat(s.grade()).isEqualTo("A");
        assertThat(s.decidedBy()).isEqualTo("总分 85.00 ≥ 85");
        // one cent more: 300,000,000.01 / 1,500,000,000 = 0.200000000006…, rounded to 10 decimals before
        // banding = 0.2000000000, still on the edge → still 85
        v.put("temp_payment_balance", new BigDecimal("300000000.01"));
        assertThat(score(POINTS, v).total()).isEqualByComparingTo("85");
        // 15 yuan more: 300,000,015 / 1,500,000,000 = 0.20000001 > 20 % → (20%, +inf) → 0 → 80 → B
        v.put("temp_payment_balance", new BigDecimal("300000015.00"));
        UnitScore below = score(POINTS, v);
        assertThat(below.total()).isEqualByComparingTo("80");
        assertThat(below.grade()).isEqualTo("B");
    }

    @Test
    void pointsWithLinearCashAndMiddleBands() {
        Map<String, BigDecimal> v = base();
        mil(v, "fiscal_capacity", "1500");      // 1.25 → 15
        mil(v, "cash_balance", "90");           // 0.9 months: 0.7 × (0.9 − 0.3) / (1.0 − 0.3) = 0.6 → 12
        mil(v, "revenue_to_date", "380");       // 380 / 400 = 0.95 exactly → [95%, 100%) → 7
        paid(v, "564");                         // 564 / 600 = 0.94 → [90%, 95%) → 8
        mil(v, "temp_payment_balance", "120");  // 120 / 1500 = 8 % → 10
        mil(v, "debt_service_due", "100");
        mil(v, "debt_service_funded", "95");    // 0.95 → [0.9, 1) → 6
        UnitScore s = score(POINTS, v);
        points(s, "CAPACITY", "15");
        points(s, "CASH_MONTHS", "12");
        points(s, "REVENUE_PROGRESS", "7");
        points(s, "SANBAO_EXECUTION", "8");
        points(s, "TEMP_PAYMENT_SHARE", "10");
        points(s, "DEBT_SERVICE", "6");
        assertThat(s.indicator("CASH_MONTHS").share()).isEqualByComparingTo("0.6");
        assertThat(s.indicator("CASH_MONTHS").band()).isEqualTo("线性插值");
        // groups 15 + 12 + 7 = 34 and 8 + 10 + 6 = 24; total 58 → C (55 ≤ 58 < 70)
        assertThat(s.groups()).extracting(g -> g.points().toPlainString()).containsExactly("34.00", "24.00");
        assertThat(s.total()).isEqualByComparingTo("58");
        assertThat(s.grade()).isEqualTo("C");
    }

    @Test
    void pointsStressedUnitIsD() {
        Map<String, BigDecimal> v = base();
        mil(v, "fiscal_capacity", "1140");      // 0.95 → 0
        mil(v, "cash_balance", "30");           // 0.3 months = first linear point → 0
        mil(v, "revenue_to_date", "340");       // 0.85 → 0
        paid(v, "570");                         // 0.95 → 14
        mil(v, "temp_payment_balance", "300");  // 300 / 1140 = 26.3 % → 0
        mil(v, "debt_service_due", "100");
        mil(v, "debt_service_funded", "100");   // 1 → 15
        UnitScore s = score(POINTS, v);
        // 0 + 0 + 0 + 14 + 0 + 15 = 29 → D
        assertThat(s.total()).isEqualByComparingTo("29");
        assertThat(s.grade()).isEqualTo("D");
    }

    @Test
    void pointsArrearsForceDEvenWithFullMarks() {
        Map<String, BigDecimal> v = base();
        v.put("livelihood_arrears", new BigDecimal("5000.00"));
        UnitScore s = score(POINTS, v);
        assertThat(s.total()).isEqualByComparingTo("100");
        assertThat(s.provisionalGrade()).isEqualTo("D");
        assertThat(s.grade()).isEqualTo("D");
        assertThat(s.overrides()).singleElement().satisfies(o -> {
            assertThat(o.code()).isEqualTo("ARREARS");
            assertThat(o.changedGrade()).isTrue();
        });
    }

    // ---------------------------------------------------------------- letter-grades

    static String level(UnitScore s, String code) {
        return s.indicator(code).level();
    }

    @Test
    void lettersModelUsesADecisionTable() {
        assertThat(LETTERS.usesDecisionTable()).isTrue();
        assertThat(LETTERS.decisionTable()).hasSize(4);
        assertThat(LETTERS.otherwiseGrade()).isEqualTo("STABLE");
        assertThat(LETTERS.grades()).allSatisfy(g -> assertThat(g.minPoints()).isNull());
    }

    @Test
    void lettersTwoYellowsFallThroughToOtherwise() {
        Map<String, BigDecimal> v = base();
        mil(v, "revenue_to_date", "390");                         // 390 / 400 = 0.975 → YELLOW
        v.put("offstaff_headcount", new BigDecimal("1030"));     // 1.03 → YELLOW
        UnitScore s = score(LETTERS, v);
        assertThat(level(s, "CASH")).isEqualTo("GREEN");          // 200 / 100 = 2.0
        assertThat(level(s, "CAPACITY")).isEqualTo("GREEN");      // 1.5
        assertThat(level(s, "EXECUTION")).isEqualTo("GREEN");     // 1.0
        assertThat(level(s, "REVENUE")).isEqualTo("YELLOW");
        assertThat(level(s, "DEBT")).isEqualTo("GREEN");
        assertThat(level(s, "OFFSTAFF")).isEqualTo("YELLOW");
        // count_YELLOW = 2 < 3, no ORANGE, no RED → otherwise
        assertThat(s.grade()).isEqualTo("STABLE");
        assertThat(s.decidedBy()).isEqualTo("其余情形");
        // reference points: 20 + 20 + 20 + 15 × 0.7 + 15 + 10 × 0.7 = 92.5
        assertThat(s.total()).isEqualByComparingTo("92.50");
        assertThat(s.complete()).isTrue();
    }

    @Test
    void lettersTwoOrangesMakeMediumAndCashExactlyOneMonthIsYellow() {
        Map<String, BigDecimal> v = base();
        mil(v, "cash_balance", "100");          // 100 / 100 = 1.0 exactly → [1.0, 1.5) → YELLOW, not ORANGE
        mil(v, "fiscal_capacity", "1260");      // 1260 / 1200 = 1.05 → ORANGE
        paid(v, "558");                         // 558 / 600 = 0.93 → ORANGE
        UnitScore s = score(LETTERS, v);
        assertThat(level(s, "CASH")).isEqualTo("YELLOW");
        assertThat(level(s, "CAPACITY")).isEqualTo("ORANGE");
        assertThat(level(s, "EXECUTION")).isEqualTo("ORANGE");
        // no arrears, CASH not RED; count_RED = 0; count_ORANGE = 2 → rule 3
        assertThat(s.grade()).isEqualTo("MEDIUM");
        assertThat(s.decidedBy()).isEqualTo("一个红灯或两个及以上橙灯");
        // 20 × 0.7 + 20 × 0.4 + 20 × 0.4 + 15 + 15 + 10 = 70
        assertThat(s.total()).isEqualByComparingTo("70");

        // capacity back to green leaves one ORANGE → rule 4 → LOW
        mil(v, "fiscal_capacity", "1800");
        assertThat(score(LETTERS, v).grade()).isEqualTo("LOW");
        // one cent less cash: 99,999,999.99 / 100,000,000 < 1 → CASH ORANGE → two ORANGE again → MEDIUM
        v.put("cash_balance", new BigDecimal("99999999.99"));
        UnitScore cent = score(LETTERS, v);
        assertThat(level(cent, "CASH")).isEqualTo("ORANGE");
        assertThat(cent.grade()).isEqualTo("MEDIUM");
    }

    @Test
    void lettersTwoRedsAreHighByCount() {
        Map<String, BigDecimal> v = base();
        mil(v, "fiscal_capacity", "1080");      // 0.9 → RED
        mil(v, "debt_service_due", "100");
        mil(v, "debt_service_funded", "80");    // 0.8 → RED
        UnitScore s = score(LETTERS, v);
        assertThat(level(s, "CAPACITY")).isEqualTo("RED");
        assertThat(level(s, "DEBT")).isEqualTo("RED");
        // rule 1: no arrears and CASH GREEN → no; rule 2: count_RED = 2 → HIGH
        assertThat(s.grade()).isEqualTo("HIGH");
        assertThat(s.decidedBy()).isEqualTo("两个及以上因素红灯");
        // 20 + 0 + 20 + 15 + 0 + 10 = 65
        assertThat(s.total()).isEqualByComparingTo("65");
    }

    @Test
    void lettersArrearsDecideBeforeAnyCount() {
        Map<String, BigDecimal> v = base();
        v.put("wage_arrears", new BigDecimal("0.01"));
        UnitScore s = score(LETTERS, v);
        // every factor GREEN, total 100, yet one cent of wage arrears → rule 1 → HIGH
        assertThat(s.total()).isEqualByComparingTo("100");
        assertThat(s.grade()).isEqualTo("HIGH");
        assertThat(s.decidedBy()).isEqualTo("存在三保拖欠或库款红灯");
    }

    @Test
    void lettersRuleThatCannotBeJudgedWithholdsTheGrade() {
        // wage_arrears is read only by rule 1. Without it the rule cannot be judged, so the unit must not
        // fall through to 平稳 as complete (it did before GradeDecider reported rules like overrides).
        Map<String, BigDecimal> v = base();
        v.remove("wage_arrears");
        UnitScore s = score(LETTERS, v);
        assertThat(s.complete()).isFalse();
        assertThat(s.grade()).isNull();
        assertThat(s.missing()).containsExactly("wage_arrears");
        assertThat(s.problems()).anyMatch(p -> p.contains("无法判断决策规则") && p.contains("存在三保拖欠或库款红灯"));
        assertThat(s.provisionalGrade()).isEqualTo("STABLE");
    }
    // ---------------------------------------------------------------- docs/model-format.md §13

    @Test
    void workedExampleInTheFormatGuideScoresAsDocumented() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(Path.of("docs/model-format.md"));
        String section = doc.substring(doc.indexOf("## 13."));
        String yaml = section.substring(section.indexOf("```yaml") + 7, section.indexOf("```", section.indexOf("```yaml") + 7));
        ScoringModel tiny = Models.parse(yaml, "model-format.md");
        Map<String, BigDecimal> v = new HashMap<>();
        mil(v, "cash_balance", "120");
        mil(v, "demand", "1200");
        mil(v, "paid", "570");
        mil(v, "budget", "1200");
        v.put("wage_arrears", new BigDecimal("0.00"));
        UnitScore s = score(tiny, v);
        points(s, "CASH", "4");   // 1.2 倍 → [1.0, 1.5) → 4
        points(s, "EXEC", "3");   // 0.95 → (0.95 − 0.8) / 0.2 = 0.75 × 4 = 3
        assertThat(s.total()).isEqualByComparingTo("7");
        assertThat(s.grade()).isEqualTo("OK");

        mil(v, "cash_balance", "150");
        assertThat(score(tiny, v).total()).isEqualByComparingTo("9");
        mil(v, "cash_balance", "120");
        v.put("wage_arrears", new BigDecimal("0.01"));
        assertThat(score(tiny, v).grade()).isEqualTo("BAD");
        v.put("wage_arrears", new BigDecimal("0.00"));

        Map<String, BigDecimal> noCash = new HashMap<>(v);
        noCash.remove("cash_balance");
        UnitScore missing = score(tiny, noCash);
        assertThat(missing.total()).isEqualByComparingTo("3");
        assertThat(missing.complete()).isFalse();
        assertThat(missing.grade()).isNull();

        Map<String, BigDecimal> zeroBudget = new HashMap<>(v);
        zeroBudget.put("budget", new BigDecimal("0.00"));
        assertThat(score(tiny, zeroBudget).indicator("EXEC").explanation()).contains("除数为零");
        assertThat(score(tiny, zeroBudget).complete()).isFalse();

        Map<String, BigDecimal> noArrears = new HashMap<>(v);
        noArrears.remove("wage_arrears");
        UnitScore unknown = score(tiny, noArrears);
        assertThat(unknown.total()).isEqualByComparingTo("7");
        assertThat(unknown.complete()).isFalse();
        assertThat(unknown.grade()).isNull();
    }
    // ---------------------------------------------------------------- demo data

    @Test
    void bothSamplesRunOnTheDemoDataWithoutMissingItems() {
        cn.sanbao.demo.SyntheticDataSet set = new cn.sanbao.demo.SyntheticDataSet(60, 42L);
        for (ScoringModel model : java.util.List.of(POINTS, LETTERS)) {
            ScoringEngine engine = new ScoringEngine(model);
            java.util.Set<String> grades = new java.util.HashSet<>();
            java.util.List<String> incomplete = new java.util.ArrayList<>();
            set.forEachUnitMonth((unit, month, values) -> {
                UnitScore s = engine.score(new UnitInput(unit, Period.month(2021, month), values));
                if (!s.missing().isEmpty()) incomplete.add(unit + "/" + month + " " + s.missing());
                if (s.grade() != null) grades.add(s.grade());
            });
            assertThat(incomplete).as(model.code()).isEmpty();
            assertThat(grades).as(model.code()).hasSizeGreaterThanOrEqualTo(2);
        }
    }
}
