package cn.sanbao.engine;

import cn.sanbao.kernel.Period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import cn.sanbao.engine.Models;
import cn.sanbao.engine.ModelProblem;
import cn.sanbao.engine.ModelValidationException;

/** Broken model files are rejected whole, with the line and a reason an analyst can act on. */
class ModelLoaderTest {

    static final String VALID = """
            code: tiny
            version: 1
            name: 小模型
            effectiveFrom: 2021-01
            totalPoints: 10
            inputs:
              cash: 库款
              need: 需求
            groups:
              - code: g
                name: 组
                weight: 10
                indicators:
                  - code: COVER
                    name: 保障倍数
                    formula: cash / need
                    weight: 10
                    bands:
                      - { range: "[1, +inf)", score: 1 }
                      - { range: "[0.5, 1)", score: 0.5 }
                      - { range: "(-inf, 0.5)", score: 0 }
            grades:
              - { code: OK, name: 正常, min: 6 }
              - { code: BAD, name: 风险, min: 0 }
            """;

    static ModelValidationException reject(String yaml) {
        try {
            Models.parse(yaml, "bad.yaml");
        } catch (ModelValidationException e) {
            return e;
        }
        throw new AssertionError("model was accepted but should have been rejected");
    }

    @Test
    void validTinyModelLoads() {
        ScoringModel m = Models.parse(VALID, "tiny.yaml");
        assertThat(m.indicators()).hasSize(1);
        UnitScore s = new ScoringEngine(m).score(new UnitInput("X", Period.month(2021, 1),
                java.util.Map.of("cash", new java.math.BigDecimal("7"), "need", new java.math.BigDecimal("10"))));
        assertThat(s.total()).isEqualByComparingTo("5.00");
        assertThat(s.grade()).isEqualTo("BAD");
    }

    @Test
    void unknownItemInFormulaNamesTheItemAndLine() {
        ModelValidationException e = reject(VALID.replace("cash / need", "cash / needs"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(16);
            assertThat(p.message()).contains("未知数据项“needs”");
        });
        assertThat(e.getMessage()).contains("bad.yaml", "第16行");
    }

    @Test
    void weightsThatDoNotAddUpAreRejected() {
        ModelValidationException e = reject(VALID.replace("cash / need\n        weight: 10", "cash / need\n        weight: 8"));
        assertThat(e.problems()).extracting(ModelProblem::message)
                .anyMatch(m -> m.contains("权重 10 与其指标权重合计 8 不一致"))
                .anyMatch(m -> m.contains("合计 8 与总分 totalPoints 10 不一致"));
    }

    @Test
    void overlappingBandsAreRejectedWithBothLines() {
        ModelValidationException e = reject(VALID.replace("[0.5, 1)", "[0.5, 1]"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(20);
            assertThat(p.message()).contains("[0.5, 1]", "重叠", "第19行");
        });
    }

    @Test
    void touchingBandsWithOneOpenEdgeDoNotOverlap() {
        assertThat(Models.parse(VALID, "ok.yaml").indicators().get(0).scoring()).isInstanceOf(Scoring.Bands.class);
    }

    @Test
    void syntaxErrorInFormula() {
        ModelValidationException e = reject(VALID.replace("cash / need", "cash / (need"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(16);
            assertThat(p.message()).contains("语法错误");
        });
    }

    @Test
    void methodCallsAndObjectCreationAreNotAllowedInFormulas() {
        assertThat(reject(VALID.replace("cash / need", "cash.getClass()")).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("不允许"));
        assertThat(reject(VALID.replace("cash / need", "new('java.io.File', 'x')")).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("不允许"));
        assertThat(reject(VALID.replace("cash / need", "cash = 1")).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("不允许"));
    }

    @Test
    void typoInFieldNameIsReported() {
        ModelValidationException e = reject(VALID.replace("    formula: cash / need", "    fromula: cash / need"));
        assertThat(e.problems()).extracting(ModelProblem::message)
                .anyMatch(m -> m.contains("未知字段“fromula”"))
                .anyMatch(m -> m.contains("缺少公式"));
    }

    @Test
    void gradesMustFallAndBeDefinedWhereUsed() {
        ModelValidationException e = reject(VALID.replace("min: 0 }", "min: 7 }") + """
                overrides:
                  - { code: X, name: 测试, when: "cash < 0", action: force, grade: WORST }
                """);
        assertThat(e.problems()).extracting(ModelProblem::message)
                .anyMatch(m -> m.contains("最低分应逐级降低"))
                .anyMatch(m -> m.contains("等级“WORST”未在 grades 中定义"));
    }

    @Test
    void badIntervalAndBadEffectivePeriod() {
        ModelValidationException e = reject(VALID.replace("[0.5, 1)", "[0.5; 1)").replace("2021-01", "2021-13"));
        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems()).extracting(ModelProblem::message)
                .anyMatch(m -> m.contains("区间“[0.5; 1)”格式错误"))
                .anyMatch(m -> m.contains("月份"));
    }

    @Test
    void brokenYamlAndEmptyFile() {
        assertThat(reject("code: [unclosed\nname: x").getMessage()).contains("YAML 格式错误");
        assertThat(reject("").getMessage()).contains("文件为空");
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        ModelValidationException e = reject(VALID.replace("cash / need", "cash / nothing")
                .replace("[0.5, 1)", "[0.4, 1)").replace("(-inf, 0.5)", "(-inf, 0.45)"));
        assertThat(e.problems()).hasSize(2);
    }

    @Test
    void overrideAndRuleMayReadIndicatorsButIndicatorsMayNot() {
        assertThatThrownBy(() -> Models.parse(VALID.replace("cash / need", "COVER * 2"), "x.yaml"))
                .hasMessageContaining("不能引用其他指标");
        ScoringModel m = Models.parse(VALID + """
                overrides:
                  - { code: LOWCASH, name: 库款过低, when: "COVER < 0.3", action: force, grade: BAD }
                """, "ok.yaml");
        assertThat(m.overrides()).hasSize(1);
    }
    @Test
    void zeroWeightIndicatorMayOnlyHaveZeroPointsAndKeepsEveryBand() {
        String zero = VALID.replace("totalPoints: 10", "totalPoints: 0").replace("weight: 10", "weight: 0")
                .replace("score: 1 }", "points: 0, level: A }").replace("score: 0.5 }", "points: 0, level: B }")
                .replace("score: 0 }", "level: C }");
        ScoringModel m = Models.parse(zero, "zero.yaml");
        // all three bands survive (a band with points and weight 0 used to be dropped silently)
        assertThat(((Scoring.Bands) m.indicators().get(0).scoring()).bands()).hasSize(3);
        UnitScore s = new ScoringEngine(m).score(new UnitInput("X", Period.month(2021, 1),
                java.util.Map.of("cash", new java.math.BigDecimal("12"), "need", new java.math.BigDecimal("10"))));
        assertThat(s.indicator("COVER").level()).isEqualTo("A");
        assertThat(s.total()).isEqualByComparingTo("0");
        assertThat(reject(zero.replace("points: 0, level: B", "points: 2, level: B")).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("权重为 0", "只能为 0"));
    }
    @Test
    void unknownFunctionIsReportedAtLoadTimeWithItsLine() {
        ModelValidationException e = reject(VALID.replace("cash / need", "sqrt(cash) / need"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(16);
            assertThat(p.message()).contains("未知函数“sqrt”");
        });
    }
}
