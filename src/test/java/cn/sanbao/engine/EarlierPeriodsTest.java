package cn.sanbao.engine;

import cn.sanbao.kernel.Period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.sanbao.engine.EarlierPeriods.Lag;
import cn.sanbao.engine.Models;
import cn.sanbao.engine.ModelValidationException;

/** Earlier periods, period names and model versions in the formula language and the loader. */
class EarlierPeriodsTest {

    static final String HEAD = """
            code: t
            version: %d
            name: 测试
            effectiveFrom: %s
            totalPoints: 10
            inputs:
              x: 某数
            """;

    static String model(int version, String from, String formula) {
        return HEAD.formatted(version, from) + """
                groups:
                  - code: g
                    name: 组
                    weight: 10
                    indicators:
                      - code: I
                        name: 指标
                        formula: "%s"
                        weight: 10
                        bands:
                          - { range: "(-inf, +inf)", score: 1 }
                grades:
                  - { code: OK, name: 好, min: 5 }
                  - { code: BAD, name: 差, min: 0 }
                """.formatted(formula);
    }

    static UnitScore score(String formula, Period p, Map<String, BigDecimal> values) {
        return new ScoringEngine(Models.parse(model(1, "2019-01", formula), "t.yaml")).score(new UnitInput("U", p, values));
    }

    static Map<String, BigDecimal> values(Object... kv) {
        Map<String, BigDecimal> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], new BigDecimal(kv[i + 1].toString()));
        return m;
    }

    @Test
    void formsAreRewrittenIntoOneVariablePerItemAndDistance() {
        assertThat(Formula.compile("x - x@-1Y").variables()).containsExactlyInAnyOrder("x", "x__Y1");
        assertThat(Formula.compile("prev(x, 2) + prev(x)").variables()).containsExactlyInAnyOrder("x__P2", "x__P1");
        assertThat(Formula.compile("avg(x / 2, 3Y)").variables()).containsExactlyInAnyOrder("x", "x__Y1", "x__Y2");
        assertThat(Formula.compile("count(x < 0, 2Y)").text()).isEqualTo("count(x < 0, 2Y)");
    }

    @Test
    void windowsIncludeTheCurrentPeriod() {
        Period y = Period.year(2020);
        // avg(10, 20, 60) = 30; count of negatives among (-1, 5, -2) = 2
        assertThat(score("avg(x, 3Y)", y, values("x", 10, "x__Y1", 20, "x__Y2", 60)).indicator("I").value()).isEqualByComparingTo("30");
        assertThat(score("count(x < 0, 3Y)", y, values("x", -1, "x__Y1", 5, "x__Y2", -2)).indicator("I").value()).isEqualByComparingTo("2");
        assertThat(score("x - x@-1Y", y, values("x", 7, "x__Y1", 4)).indicator("I").value()).isEqualByComparingTo("3");
        // operators of two characters survive the rewriting
        assertThat(score("x >= 0 && x@-1Y != 4 || prev(x) <= 0 ? 1 : 2", y, values("x", 7, "x__Y1", 4, "x__P1", 1))
                .indicator("I").value()).isEqualByComparingTo("2");
    }

    @Test
    void aMissingEarlierValueIsMissingAndNamedWithItsDistance() {
        UnitScore s = score("avg(x, 2Y)", Period.year(2020), values("x", 10));
        assertThat(s.complete()).isFalse();
        assertThat(s.missing()).containsExactly("x__Y1");
        assertThat(s.indicator("I").explanation()).contains("某数（上年）");
    }

    @Test
    void lagsMoveBackByYearsOrByPeriodsOfTheRunsKind() {
        assertThat(new Lag("x", true, 1).apply(Period.month(2021, 3))).isEqualTo(Period.month(2020, 3));
        assertThat(new Lag("x", true, 2).apply(Period.year(2021))).isEqualTo(Period.year(2019));
        assertThat(new Lag("x", true, 1).apply(Period.week(2021, 53 - 1))).isEqualTo(Period.week(2020, 52));
        assertThat(new Lag("x", true, 1).apply(Period.week(2016, 52))).isEqualTo(Period.week(2015, 52));
        assertThat(new Lag("x", false, 1).apply(Period.month(2021, 1))).isEqualTo(Period.month(2020, 12));
        assertThat(new Lag("x", false, 2).apply(Period.week(2021, 1))).isEqualTo(Period.week(2020, 52));
        assertThat(Lag.parse("cash_balance__Y3")).isEqualTo(new Lag("cash_balance", true, 3));
        assertThat(Lag.parse("cash_balance")).isNull();
    }

    @Test
    void yearMonthAndWeekAreReadable() {
        assertThat(score("YEAR * 100 + MONTH", Period.month(2021, 3), values()).indicator("I").value()).isEqualByComparingTo("202103");
        // 2021-W13 runs 29 March – 4 April; its Thursday (1 April) is in April
        assertThat(score("MONTH * 100 + WEEK", Period.week(2021, 13), values()).indicator("I").value()).isEqualByComparingTo("413");
        assertThat(score("MONTH + WEEK", Period.year(2021), values()).indicator("I").value()).isEqualByComparingTo("0");
    }

    @Test
    void badUsesAreLoadErrorsWithTheirLine() {
        assertThatThrownBy(() -> Models.parse(model(1, "2019-01", "avg(T, 3Y)"), "t.yaml"))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("往期值只能读取数据项");
        assertThatThrownBy(() -> Models.parse(model(1, "2019-01", "avg(x, 3)"), "t.yaml"))
                .hasMessageContaining("3Y");
        assertThatThrownBy(() -> Models.parse(model(1, "2019-01", "avg(prev(x), 3Y)"), "t.yaml"))
                .hasMessageContaining("prev 不能写在 avg、count 之内");
        assertThatThrownBy(() -> Models.parse(model(1, "2019-01", "x@-99Y"), "t.yaml"))
                .hasMessageContaining("1 到 20");
        assertThatThrownBy(() -> Models.parse(model(1, "2019-01", "x@+1Y"), "t.yaml"))
                .hasMessageContaining("-1Y");
    }

    @Test
    void versionsInOneFileOrADirectoryApplyFromTheirEffectivePeriod(@TempDir Path dir) throws Exception {
        String two = model(1, "2019-01", "x") + "---\n" + model(2, "2020-07", "x * 2");
        ModelVersions v = Models.parseVersions(two, "t.yaml");
        assertThat(v.forPeriod(Period.month(2018, 12))).isNull();
        assertThat(v.forPeriod(Period.month(2020, 6)).version()).isEqualTo(1);
        assertThat(v.forPeriod(Period.month(2020, 7)).version()).isEqualTo(2);
        assertThat(v.forPeriod(Period.year(2020)).version()).isEqualTo(1);

        Files.writeString(dir.resolve("v1.yaml"), model(1, "2019-01", "x"));
        Files.writeString(dir.resolve("v2.yml"), model(2, "2020-07", "x * 2"));
        Files.writeString(dir.resolve("README.txt"), "not a model");
        assertThat(Models.loadVersions(dir).all()).extracting(ScoringModel::version).containsExactly(1, 2);

        assertThatThrownBy(() -> Models.parseVersions(model(1, "2019-01", "x") + "---\n" + model(2, "2019-01", "x"), "t.yaml"))
                .hasMessageContaining("生效期间同为 2019-01");
        assertThatThrownBy(() -> Models.parseVersions(model(1, "2019-01", "x") + "---\n" + model(1, "2020-01", "x"), "t.yaml"))
                .hasMessageContaining("版本号 1 重复");
        assertThatThrownBy(() -> Models.parseVersions(model(1, "2019-01", "x") + "---\n" + model(2, "2020-01", "nope"), "t.yaml"))
                .hasMessageContaining("第");
    }

    @Test
    void reservedNamesCannotBeDeclared() {
        String yaml = model(1, "2019-01", "x").replace("  x: 某数", "  x: 某数\n  YEAR: 年\n  y__Y1: 怪名");
        assertThatThrownBy(() -> Models.parse(yaml, "t.yaml")).hasMessageContaining("保留名称");
    }
}
