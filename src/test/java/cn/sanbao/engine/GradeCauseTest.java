package cn.sanbao.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import cn.sanbao.engine.Models;

/** The 定级依据 sentence names what actually decided the grade, for each kind of decision. */
class GradeCauseTest {

    static final ScoringModel MODEL = TestModels.defaultModel();
    static final Vocabulary WORDS = Vocabulary.of(MODEL);

    static String cause(ScoringModel model, UnitScore s) {
        return GradeCause.sentence(model, s, Vocabulary.of(model));
    }

    @Test
    void scoreBandDecides() {
        UnitScore s = DefaultModelTest.score(DefaultModelTest.handUnit()); // 62 → 中度风险
        assertThat(s.grade()).isEqualTo("MEDIUM");
        assertThat(cause(MODEL, s)).isEqualTo("总分 62.00 分（≥ 60 分且 < 75 分），定为中度风险");
    }

    @Test
    void forcingOverrideNamesTheAmountAndNotTheScore() {
        Map<String, BigDecimal> v = DefaultModelTest.handUnit();
        v.put("wage_arrears", new BigDecimal("352000.00"));
        UnitScore s = DefaultModelTest.score(v);
        assertThat(s.grade()).isEqualTo("HIGH");
        String text = cause(MODEL, s);
        assertThat(text).isEqualTo("存在工资或基本民生拖欠（工资拖欠余额 352000），一票否决定为高度风险");
        assertThat(text).doesNotContain("≥ 60").doesNotContain("中度风险");
    }

    @Test
    void floorOverrideNamesTheValueAndWhatTheScoreAloneGave() {
        Map<String, BigDecimal> v = DefaultModelTest.handUnit();
        v.put("fiscal_capacity", new BigDecimal("4000000000.00"));
        v.put("paid_livelihood", new BigDecimal("380000000.00"));
        v.put("cash_balance", new BigDecimal("40000000.00")); // 0.24 个月
        UnitScore s = DefaultModelTest.score(v);
        assertThat(s.overrides()).extracting(UnitScore.FiredOverride::code).contains("CASH_FLOOR");
        String text = cause(MODEL, s);
        assertThat(s.grade()).isEqualTo("MEDIUM");
        if (s.overrides().get(0).changedGrade())
            assertThat(text).startsWith("库款低于 0.3 个月三保需求（库款保障倍数 0.24 倍），一票否决至少定为中度风险（总分 ")
                    .contains("原为");
        else
            assertThat(text).startsWith("总分 ").endsWith("定为中度风险");
    }

    @Test
    void decisionTableRowAndOtherwise() {
        ScoringModel letters = Models.load(Path.of("samples/models/letter-grades.yaml"));
        Map<String, BigDecimal> v = SampleModelsTest.base();
        v.put("wage_arrears", new BigDecimal("0.01"));
        UnitScore high = SampleModelsTest.score(letters, v);
        assertThat(cause(letters, high)).isEqualTo(
                "符合决策表规则“存在三保拖欠或库款红灯”（工资拖欠余额 + 基本民生拖欠余额 > 0 或 库款保障倍数 = 红灯），定为高度风险");
        UnitScore calm = SampleModelsTest.score(letters, SampleModelsTest.base());
        assertThat(cause(letters, calm)).isEqualTo("不符合决策表中任何一条规则，按其余情形定为平稳运行");
    }

    @Test
    void missingDataSaysTheGradeIsWithheld() {
        Map<String, BigDecimal> v = DefaultModelTest.handUnit();
        v.remove("cash_balance");
        UnitScore s = DefaultModelTest.score(v);
        assertThat(s.grade()).isNull();
        assertThat(cause(MODEL, s)).startsWith("数据缺失，等级暂不评定；按现有数据：总分 ");
    }
}
