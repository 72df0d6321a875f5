package cn.sanbao.engine;

import cn.sanbao.kernel.Period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import cn.sanbao.engine.ScoringModel.AppliesTo;
import cn.sanbao.engine.Models;
import cn.sanbao.engine.ModelValidationException;

/**
 * Overrides judge the units they apply to: a city's summed arrears repeat one county's problem, so the default
 * model's 一票否决 judges budget units only, and a model may say otherwise per rule.
 */
class ConsolidatedOverridesTest {

    static final Period JUNE = Period.month(2021, 6);

    /** The hand-computed unit (62 points, 中度风险) with wage arrears of 1 元. */
    static Map<String, BigDecimal> withArrears() {
        Map<String, BigDecimal> v = DefaultModelTest.handUnit();
        v.put("wage_arrears", new BigDecimal("1.00"));
        return v;
    }

    @Test
    void defaultModelForcesHighRiskOnABudgetUnitWithArrearsButNotOnAConsolidatedOne() {
        ScoringEngine engine = new ScoringEngine(TestModels.defaultModel());
        assertThat(engine.model().overrides()).allSatisfy(o -> assertThat(o.appliesTo()).isEqualTo(AppliesTo.BUDGET));

        UnitScore county = engine.score(new UnitInput("640422", JUNE, withArrears()));
        assertThat(county.grade()).isEqualTo("HIGH");
        assertThat(county.overrides()).extracting(UnitScore.FiredOverride::code).containsExactly("ARREARS");

        UnitScore city = engine.score(new UnitInput("640400", JUNE, withArrears(), true));
        assertThat(city.total()).isEqualByComparingTo(county.total());
        assertThat(city.grade()).isEqualTo("MEDIUM");
        assertThat(city.overrides()).isEmpty();
        assertThat(city.complete()).isTrue();
    }

    @Test
    void aRuleSaysWhichUnitsItJudges() {
        String base = TestModels.read("/models/sanbao-default.yaml");
        ScoringEngine consolidatedOnly = new ScoringEngine(Models.parse(
                base.replaceFirst("appliesTo: budget", "appliesTo: consolidated"), "m.yaml"));
        assertThat(consolidatedOnly.score(new UnitInput("U", JUNE, withArrears())).grade()).isEqualTo("MEDIUM");
        assertThat(consolidatedOnly.score(new UnitInput("U", JUNE, withArrears(), true)).grade()).isEqualTo("HIGH");

        ScoringEngine all = new ScoringEngine(Models.parse(base.replaceFirst("appliesTo: budget", "appliesTo: all"), "m.yaml"));
        assertThat(all.score(new UnitInput("U", JUNE, withArrears())).grade()).isEqualTo("HIGH");
        assertThat(all.score(new UnitInput("U", JUNE, withArrears(), true)).grade()).isEqualTo("HIGH");
    }

    @Test
    void withoutAppliesToARuleJudgesBudgetUnitsOnly() {
        ScoringModel m = Models.parse(TestModels.read("/models/sanbao-default.yaml").replace("    appliesTo: budget\n", ""), "m.yaml");
        assertThat(m.overrides()).extracting(ScoringModel.Override::appliesTo).containsOnly(AppliesTo.BUDGET);
        ScoringEngine engine = new ScoringEngine(m);
        assertThat(engine.score(new UnitInput("U", JUNE, withArrears(), true)).grade()).isEqualTo("MEDIUM");
    }

    @Test
    void anUnknownScopeIsRefusedWithItsLine() {
        String yaml = TestModels.read("/models/sanbao-default.yaml").replaceFirst("appliesTo: budget", "appliesTo: cities");
        assertThatThrownBy(() -> Models.parse(yaml, "m.yaml"))
                .isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("m.yaml 第")
                .hasMessageContaining("适用范围“cities”无效，应为 budget（预算单位）、consolidated（汇总单位）或 all（全部单位）");
    }

    @Test
    void aConsolidatedUnitWithMissingArrearsIsNotHeldUpByABudgetOnlyRule() {
        Map<String, BigDecimal> v = DefaultModelTest.handUnit();
        v.remove("wage_arrears");
        ScoringEngine engine = new ScoringEngine(TestModels.defaultModel());
        assertThat(engine.score(new UnitInput("U", JUNE, v)).complete()).isFalse();
        assertThat(engine.score(new UnitInput("C", JUNE, v, true)).complete()).isTrue();
    }
}
