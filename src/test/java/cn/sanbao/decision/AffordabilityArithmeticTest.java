package cn.sanbao.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import cn.sanbao.decision.affordability.ExtraCost;
import cn.sanbao.decision.affordability.Proposal;
import cn.sanbao.decision.affordability.ProposalScorer;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.ScoringEngine;
import cn.sanbao.engine.Models;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.projects.list.StandardBasis;

class AffordabilityArithmeticTest {

    @Test
    void extraCostOfARaisedMonthlyStandardWithGrowingScope() {
        // 100 → 120 元 a month from July, 1,000 people growing 10 % a year, local share 0.5
        GuaranteeItem item = item(StandardBasis.PER_PERSON_MONTH, "100", null, null);
        List<ExtraCost.Year> years = ExtraCost.of(item, new Proposal("X1", new BigDecimal("120"), YearMonth.of(2021, 7),
                new BigDecimal("0.10")), new BigDecimal("1000"), new BigDecimal("0.5"));
        // 2021: 6 months × (120 × 1,000 − 100 × 1,000) × 0.5 = 60,000
        // 2022: 12 × (120 × 1,100 − 100 × 1,000) × 0.5 = 192,000; 2023: 12 × (120 × 1,210 − 100,000) × 0.5 = 271,200
        assertThat(years).extracting(ExtraCost.Year::year).containsExactly(2021, 2022, 2023);
        assertThat(years).extracting(y -> y.extra().toPlainString()).containsExactly("60000.00", "192000.00", "271200.00");
        assertThat(years.get(0).months()).isEqualTo(6);
    }

    @Test
    void yearlyStandardUsesTheStandardInForceAfterAMidYearChange() {
        // list: 18,000 a year, 19,800 from July; proposal 21,000 from April for 10 people, share 1:
        // 9 months × (21,000 − 19,800) ÷ 12 × 10 = 9,000
        GuaranteeItem item = item(StandardBasis.PER_PERSON_YEAR, "18000", 7, "19800");
        List<ExtraCost.Year> years = ExtraCost.of(item, new Proposal("X1", new BigDecimal("21000"), YearMonth.of(2021, 4),
                BigDecimal.ZERO), BigDecimal.TEN, BigDecimal.ONE);
        assertThat(years.get(0).extra()).isEqualByComparingTo("9000.00");
        assertThat(years.get(1).extra()).isEqualByComparingTo("12000.00");
    }

    @Test
    void rescoringWithTheExtraDemandLowersTheCapacityMultipleAndTheGrade() throws IOException {
        ScoringEngine engine;
        try (InputStream in = getClass().getResourceAsStream("/models/sanbao-default.yaml")) {
            engine = new ScoringEngine(Models.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default"));
        }
        Map<String, BigDecimal> v = comfortableUnit();
        ProposalScorer scorer = new ProposalScorer(engine);
        Period dec = Period.month(2021, 12);
        ProposalScorer.Outcome base = scorer.score("U", dec, v, "demand_livelihood", BigDecimal.ZERO);
        // capacity 1,500 ÷ demand 1,000 = 1.5: full marks everywhere
        assertThat(base.capacityCoverage()).isEqualByComparingTo("1.5");
        assertThat(base.total()).isEqualByComparingTo("100");
        assertThat(base.grade()).isEqualTo("STABLE");
        // +300 of livelihood demand: capacity 1,500 ÷ 1,300 = 1.1538 (50 %: −2.5); budget 1,000 ÷ 1,300 < 90 % (−5);
        // cash 1,500 ÷ (1,300 ÷ 12) = 13.8 still full → 92.5, still 平稳
        ProposalScorer.Outcome after = scorer.score("U", dec, v, "demand_livelihood", new BigDecimal("300"));
        assertThat(after.capacityCoverage()).isEqualByComparingTo("1.1538461538");
        assertThat(after.total()).isEqualByComparingTo("92.5");
        // +600: 1,500 ÷ 1,600 < 1 (0 points: −5), budget −5 → 90
        assertThat(scorer.score("U", dec, v, "demand_livelihood", new BigDecimal("600")).total()).isEqualByComparingTo("90");
        assertThat(scorer.atLeast("MEDIUM", "MEDIUM")).isTrue();
        assertThat(scorer.atLeast("LOW", "MEDIUM")).isFalse();
        assertThat(v.get("demand_livelihood")).as("stored figures are not changed").isEqualByComparingTo("400");
    }

    /** Everything at full marks in December: demand 1,000 (300 / 300 / 400), budgets equal to demand, all paid. */
    private static Map<String, BigDecimal> comfortableUnit() {
        Map<String, BigDecimal> v = new HashMap<>();
        put(v, "fiscal_capacity", 1500);
        put(v, "demand_wage", 300); put(v, "demand_operation", 300); put(v, "demand_livelihood", 400);
        put(v, "budget_wage", 300); put(v, "budget_operation", 300); put(v, "budget_livelihood", 400);
        put(v, "budget_other_rigid", 100);
        put(v, "paid_wage", 300); put(v, "paid_operation", 300); put(v, "paid_livelihood", 400); put(v, "paid_other_rigid", 100);
        put(v, "revenue_budget", 500); put(v, "revenue_to_date", 500);
        put(v, "cash_balance", 1500);
        put(v, "temp_payment_opening", 100); put(v, "temp_payment_target", 10); put(v, "temp_payment_balance", 90);
        put(v, "offstaff_cap", 10); put(v, "offstaff_headcount", 10);
        put(v, "hidden_debt_plan", 10); put(v, "hidden_debt_funded", 10);
        put(v, "debt_service_due", 10); put(v, "debt_service_funded", 10);
        put(v, "wage_arrears", 0); put(v, "livelihood_arrears", 0);
        return v;
    }

    private static void put(Map<String, BigDecimal> v, String k, long a) { v.put(k, BigDecimal.valueOf(a).setScale(2)); }

    private static GuaranteeItem item(StandardBasis basis, String standard, Integer changeMonth, String after) {
        return new GuaranteeItem("X1", "测试项目", Pillar.LIVELIHOOD, basis, new BigDecimal(standard), new BigDecimal(standard),
                changeMonth, after == null ? null : new BigDecimal(after), "people", BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ONE, List.of("2"), 2021, true);
    }
}
