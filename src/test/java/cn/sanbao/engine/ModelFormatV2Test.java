package cn.sanbao.engine;

import cn.sanbao.kernel.Period;
import static cn.sanbao.engine.ModelLoaderTest.reject;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import cn.sanbao.engine.Models;
import cn.sanbao.engine.ModelProblem;

/** Model format v2: rounding, missing policies, unit attributes, letters and higher-is-worse, each worked by hand. */
class ModelFormatV2Test {

    /** Points for stress: one ratio banded by kind of unit, rounded as printed; 县 and 区 have their own cut-offs. */
    static final String STRESS = """
            code: stress
            version: 1
            name: 压力计分
            effectiveFrom: 2021-01
            totalPoints: 20
            direction: higher-is-worse
            totalDecimals: 0
            inputs:
              cash: 库款
              spend: { name: 月均支出, missing: { value: 100 } }
              arrears: { name: 拖欠, missing: zero }
              debt: { name: 债务, missing: unscored }
            groups:
              - code: g
                name: 压力
                weight: 20
                indicators:
                  - code: CASH
                    name: 库款保障
                    formula: cash / spend
                    decimals: 2
                    weight: 10
                    format: letter
                    bandsBy: kind
                    bands:
                      县:
                        - { range: "[1, +inf)", points: 0, level: A }
                        - { range: "(-inf, 1)", points: 10, level: C }
                      区:
                        - { range: "[2, +inf)", points: 0, level: A }
                        - { range: "(-inf, 2)", points: 10, level: C }
                  - code: ARR
                    name: 拖欠
                    formula: "has(debt) ? arrears + debt : arrears"
                    weight: 10
                    bands:
                      - { range: "(-inf, 0]", points: 0 }
                      - { range: "(0, +inf)", points: 9.5 }
            grades:
              - { code: OK, name: 无压力, min: 0, letter: N }
              - { code: WATCH, name: 关注, min: 10, letter: W }
              - { code: STRESS, name: 重度压力, min: 19, letter: S }
            overrides:
              - { code: RED, name: 拖欠过多, when: "arrears > 50", action: floor, grade: WATCH }
            """;

    static UnitScore score(String kind, Object... kv) {
        Map<String, BigDecimal> v = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) v.put((String) kv[i], new BigDecimal((String) kv[i + 1]));
        ScoringModel m = Models.parse(STRESS, "stress.yaml");
        return new ScoringEngine(m).score(new UnitInput("U", Period.month(2021, 3), v, false,
                kind == null ? Map.of() : Map.of("kind", kind)));
    }

    @Test
    void decimalsBandTheRoundedValueAndTheExplanationSaysSo() {
        // 99.5 ÷ 100 = 0.995 → 1.00 at 2 decimals (half up) → 县 band [1, +inf): 0 points, level A
        UnitScore s = score("县", "cash", "99.5", "spend", "100", "arrears", "0", "debt", "0");
        IndicatorResult cash = s.indicator("CASH");
        assertThat(cash.value()).isEqualByComparingTo("1.00");
        assertThat(cash.level()).isEqualTo("A");
        assertThat(cash.points()).isEqualByComparingTo("0");
        assertThat(cash.explanation()).contains("值 1").contains("0.995 按 2 位小数四舍五入").contains("kind为“县”的分档");
        // 0.994 → 0.99: band (-inf, 1): 10 points, C
        assertThat(score("县", "cash", "99.4", "spend", "100", "arrears", "0", "debt", "0").indicator("CASH").level()).isEqualTo("C");
    }

    @Test
    void bandsAreChosenByTheUnitsKind() {
        // cash 150 ÷ 100 = 1.5: a 县 needs 1 (A, 0 points), a 区 needs 2 (C, 10 points)
        assertThat(score("县", "cash", "150", "spend", "100", "arrears", "0", "debt", "0").indicator("CASH").points()).isEqualByComparingTo("0");
        UnitScore district = score("区", "cash", "150", "spend", "100", "arrears", "0", "debt", "0");
        assertThat(district.indicator("CASH").points()).isEqualByComparingTo("10");
        assertThat(district.grade()).isEqualTo("WATCH"); // 10 points ≥ 10
        // a kind without a band set cannot be scored, and says which sets exist
        UnitScore town = score("镇", "cash", "150", "spend", "100", "arrears", "0", "debt", "0");
        assertThat(town.complete()).isFalse();
        assertThat(town.indicator("CASH").explanation()).contains("kind 为“镇”").contains("县、区");
        // a unit without the attribute is missing it, by name
        UnitScore none = score(null, "cash", "150", "spend", "100", "arrears", "0", "debt", "0");
        assertThat(none.missing()).containsExactly("unit.kind");
        assertThat(none.indicator("CASH").explanation()).contains("单位属性“kind”");
    }

    @Test
    void missingPoliciesFillInOutLoudAndHasSeesTheTruth() {
        // spend missing → 100; arrears missing → 0; debt missing but only read through has(debt)
        UnitScore s = score("县", "cash", "150");
        assertThat(s.complete()).isTrue();
        assertThat(s.indicator("CASH").value()).isEqualByComparingTo("1.50");
        assertThat(s.indicator("CASH").inputs()).containsEntry("spend", new BigDecimal("100"));
        assertThat(s.indicator("CASH").explanation()).contains("月均支出 缺失，按 100 计");
        assertThat(s.indicator("ARR").value()).isEqualByComparingTo("0");
        assertThat(s.indicator("ARR").explanation()).contains("拖欠 缺失，按 0 计");
        // with debt present it counts: 0 + 3 > 0 → 9.5 points
        assertThat(score("县", "cash", "150", "debt", "3").indicator("ARR").points()).isEqualByComparingTo("9.5");
    }

    @Test
    void higherIsWorseGradesByTheWorstCutOffReachedAndTotalIsRounded() {
        // 区 with cash 1.5: 10 points; arrears 1: 9.5 points; total 19.5 → 20 at 0 decimals (half up) → STRESS (≥ 19)
        UnitScore s = score("区", "cash", "150", "spend", "100", "arrears", "1", "debt", "0");
        assertThat(s.total()).isEqualByComparingTo("20");
        assertThat(s.total().scale()).isZero();
        assertThat(s.grade()).isEqualTo("STRESS");
        assertThat(GradeCause.sentence(s.indicators().isEmpty() ? null : Models.parse(STRESS, "s"), s, Vocabulary.of(Models.parse(STRESS, "s"))))
                .isEqualTo("总分 20 分（≥ 19 分），定为重度压力");
        // 县 with arrears 1: 0 + 9.5 = 9.5 → 10 → WATCH, 「≥ 10 分且 < 19 分」
        UnitScore w = score("县", "cash", "150", "spend", "100", "arrears", "1", "debt", "0");
        assertThat(w.grade()).isEqualTo("WATCH");
        assertThat(GradeCause.sentence(Models.parse(STRESS, "s"), w, Vocabulary.of(Models.parse(STRESS, "s"))))
                .isEqualTo("总分 10 分（≥ 10 分且 < 19 分），定为关注");
        // nothing: 0 → OK
        assertThat(score("县", "cash", "150", "spend", "100", "arrears", "0", "debt", "0").grade()).isEqualTo("OK");
    }

    @Test
    void aFloorStillMeansWorseWhenHigherIsWorse() {
        // 县, cash fine (0), arrears 60 → 9.5 points → total 10 → WATCH already; floor WATCH changes nothing
        UnitScore a = score("县", "cash", "150", "spend", "100", "arrears", "60", "debt", "0");
        assertThat(a.grade()).isEqualTo("WATCH");
        // 区 with cash short (10) and arrears 60 (9.5): 19.5 → 20 → STRESS; the floor WATCH must not make it milder
        UnitScore b = score("区", "cash", "150", "spend", "100", "arrears", "60", "debt", "0");
        assertThat(b.grade()).isEqualTo("STRESS");
        assertThat(b.overrides()).singleElement().satisfies(o -> assertThat(o.changedGrade()).isFalse());
    }

    @Test
    void gradesCarryLetters() {
        ScoringModel m = Models.parse(STRESS, "stress.yaml");
        assertThat(m.grade("STRESS").letter()).isEqualTo("S");
        assertThat(m.indicators().get(0).showsLetter()).isTrue();
    }

    @Test
    void loadErrorsNameTheirLine() {
        String bad = STRESS
                .replace("formula: cash / spend", "formula: \"cash == null ? 0 : cash / spend\"")      // line 20
                .replace("decimals: 2", "decimals: 2.5")                                                // line 21
                .replace("missing: zero", "missing: nought")                                           // line 11
                .replace("direction: higher-is-worse", "direction: upwards");                          // line 6
        var problems = reject(bad).problems();
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("分数方向“upwards”无效").contains("higher-is-worse");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(20);
            assertThat(p.message()).contains("与 null 比较").contains("has(x)");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(21);
            assertThat(p.message()).contains("decimals").contains("0 到 10 的整数");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.message()).contains("缺失处理“nought”无效");
        });
    }

    @Test
    void higherIsWorseNeedsRisingCutOffsAndLetterNeedsLevels() {
        String falling = STRESS.replace("min: 10, letter: W", "min: 0.5, letter: W").replace("{ code: OK, name: 无压力, min: 0,", "{ code: OK, name: 无压力, min: 1,");
        assertThat(reject(falling).problems()).anySatisfy(p -> assertThat(p.message()).contains("最低分应逐级升高"));
        String noLevel = STRESS.replace("points: 10, level: C }\n          区:", "points: 10 }\n          区:");
        assertThat(reject(noLevel).problems()).anySatisfy(p -> assertThat(p.message()).contains("每个分档都要写 level"));
        String hasUnknown = STRESS.replace("has(debt)", "has(dept)");
        assertThat(reject(hasUnknown).problems()).anySatisfy(p -> assertThat(p.message()).contains("未知数据项“dept”"));
        String flatBandsBy = ModelLoaderTest.VALID.replace("formula: cash / need", "formula: cash / need\n        bandsBy: kind");
        assertThat(reject(flatBandsBy).problems()).anySatisfy(p -> assertThat(p.message()).contains("bands 应按属性值分组"));
    }
}
