package cn.sanbao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.sanbao.kernel.Period;
import cn.sanbao.engine.ScoringEngine;
import cn.sanbao.engine.UnitInput;
import cn.sanbao.engine.UnitScore;
import cn.sanbao.engine.Models;

class DemoDataGeneratorTest {

    private static final int YEAR = DemoDataGenerator.YEAR;
    private static DemoDataGenerator generator;
    private static List<DemoFact> facts;
    /** unit → period → item → amount */
    private static Map<String, Map<String, Map<String, BigDecimal>>> index;

    @BeforeAll
    static void generate() {
        generator = new DemoDataGenerator();
        facts = generator.generate();
        index = new HashMap<>();
        for (DemoFact f : facts) {
            BigDecimal old = index.computeIfAbsent(f.unitCode(), k -> new HashMap<>())
                    .computeIfAbsent(f.period(), k -> new HashMap<>()).put(f.itemCode(), f.amount());
            assertThat(old).as("duplicate %s", f).isNull();
        }
    }

    private static Map<String, BigDecimal> at(String unit, String period) { return index.get(unit).get(period); }

    private static String month(int m) { return Period.month(YEAR, m).code(); }

    private static final ScoringEngine ENGINE = new ScoringEngine(Models.parse(DefaultModelText.read(), "sanbao-default.yaml"));

    /** The demo month scored by the real engine with the shipped default model. */
    private static UnitScore score(String unit, int m) {
        Map<String, BigDecimal> values = new HashMap<>(at(unit, String.valueOf(YEAR)));
        values.putAll(at(unit, month(m)));
        return ENGINE.score(new UnitInput(unit, Period.month(YEAR, m), values));
    }

    private static boolean fired(UnitScore s, String override) {
        return s.overrides().stream().anyMatch(o -> o.code().equals(override));
    }

    @Test
    void sameSeedSameOutputOtherSeedDiffers() {
        assertThat(new DemoDataGenerator().generate()).isEqualTo(facts);
        assertThat(new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED + 1).generate()).isNotEqualTo(facts);
    }

    @Test
    void everyBudgetUnitHasEveryItemInEveryPeriodOfItsFrequency() {
        List<DemoCatalogue.Unit> units = generator.units();
        assertThat(units).hasSize(28).allMatch(u -> DemoCatalogue.BUDGET_KINDS.contains(u.kind()));
        assertThat(index.keySet()).containsExactlyInAnyOrderElementsOf(units.stream().map(DemoCatalogue.Unit::code).toList())
                .doesNotContain("640000", "640100", "640400");
        int expected = 0;
        for (DemoCatalogue.Unit u : units) {
            for (DemoCatalogue.Item item : generator.items()) {
                if (item.annual()) {
                    assertThat(at(u.code(), "2021")).containsKey(item.code());
                    expected++;
                    continue;
                }
                for (int m = 1; m <= 12; m++, expected++) assertThat(at(u.code(), month(m))).containsKey(item.code());
                if (!item.weekly()) continue;
                for (int w = 1; w <= 52; w++, expected++) {
                    assertThat(at(u.code(), Period.week(YEAR, w).code())).as("%s W%d", u.code(), w).containsKey(item.code());
                }
            }
        }
        assertThat(facts).hasSize(expected);
        assertThat(facts).allSatisfy(f -> {
            int scale = f.itemCode().startsWith("offstaff") ? 0 : 2;
            assertThat(f.amount().scale()).as("%s", f).isEqualTo(scale);
        });
    }

    @Test
    void toDateValuesNeverFallThroughMonthsAndWeeks() {
        for (String unit : index.keySet()) {
            for (DemoCatalogue.Item item : generator.items()) {
                if (!item.nature().equals("TO_DATE")) continue;
                BigDecimal prev = BigDecimal.ZERO;
                for (int m = 1; m <= 12; m++) {
                    BigDecimal v = at(unit, month(m)).get(item.code());
                    assertThat(v).as("%s %s %d", unit, item.code(), m).isGreaterThanOrEqualTo(prev);
                    prev = v;
                }
                if (!item.weekly()) continue;
                prev = BigDecimal.ZERO;
                for (int w = 1; w <= 52; w++) {
                    Period week = Period.week(YEAR, w);
                    BigDecimal v = at(unit, week.code()).get(item.code());
                    assertThat(v).as("%s %s W%d", unit, item.code(), w).isGreaterThanOrEqualTo(prev);
                    Period closed = week.latestClosedMonth();
                    if (closed != null) assertThat(v).isGreaterThanOrEqualTo(at(unit, closed.code()).get(item.code()));
                    prev = v;
                }
                assertThat(prev).isEqualTo(at(unit, month(12)).get(item.code()));
            }
        }
    }

    @Test
    void cashBalanceMovesExactlyByItsFlows() {
        for (String unit : index.keySet()) {
            BigDecimal prev = null;
            for (int m = 1; m <= 12; m++) {
                Map<String, BigDecimal> v = at(unit, month(m));
                if (prev != null) {
                    assertThat(v.get("cash_balance")).as("%s %d", unit, m)
                            .isEqualTo(prev.add(v.get("cash_inflow")).subtract(v.get("cash_outflow")));
                }
                assertThat(v.get("cash_inflow").signum()).isPositive();
                assertThat(v.get("cash_outflow").signum()).isPositive();
                prev = v.get("cash_balance");
            }
            prev = at(unit, "2021-W01").get("cash_balance");
            for (int w = 2; w <= 52; w++) {
                Map<String, BigDecimal> v = at(unit, Period.week(YEAR, w).code());
                assertThat(v.get("cash_balance")).isEqualTo(prev.add(v.get("cash_inflow")).subtract(v.get("cash_outflow")));
                assertThat(v.get("cash_inflow").signum()).isPositive();
                prev = v.get("cash_balance");
            }
        }
    }

    @Test
    void magnitudesLookLikeAPoorInlandProvince() {
        for (String unit : index.keySet()) {
            Map<String, BigDecimal> a = at(unit, "2021");
            double cap = a.get("fiscal_capacity").doubleValue();
            double demand = a.get("demand_wage").add(a.get("demand_operation")).add(a.get("demand_livelihood")).doubleValue();
            // sizes follow the scope data: 泾源县 (about 90,000 residents) and 宁东 (an industrial zone with few
            // residents) are well under 1.5 billion
            assertThat(cap).as(unit).isBetween(0.5e9, 10e9);
            assertThat(demand / cap).as(unit).isBetween(0.55, 0.95);
            assertThat(a.get("offstaff_cap").intValue()).as(unit).isBetween(100, 5000);
            for (int m = 1; m <= 12; m++) {
                Map<String, BigDecimal> v = at(unit, month(m));
                assertThat(v.get("livelihood_arrears").signum()).isZero();
                boolean arrears = unit.equals(DemoDataGenerator.ARREARS_UNIT) && DemoDataGenerator.ARREARS_MONTHS.contains(m);
                assertThat(v.get("wage_arrears").signum() > 0).as("%s %d", unit, m).isEqualTo(arrears);
                assertThat(v.get("cash_balance").doubleValue()).isPositive().isLessThan(demand / 2);
            }
        }
        Map<String, BigDecimal> yinchuan = at("640104", "2021");
        Map<String, BigDecimal> xiji = at("640422", "2021");
        assertThat(yinchuan.get("fiscal_capacity")).isGreaterThan(xiji.get("fiscal_capacity"));
        assertThat(yinchuan.get("revenue_budget").divide(yinchuan.get("fiscal_capacity"), 4, java.math.RoundingMode.HALF_UP))
                .isGreaterThan(xiji.get("revenue_budget").divide(xiji.get("fiscal_capacity"), 4, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void defaultModelSeesEveryGradeAndTheDesignatedCases() {
        List<String> grades = List.of("STABLE", "LOW", "MEDIUM", "HIGH");
        Map<String, Integer> counts = new TreeMap<>();
        StringBuilder table = new StringBuilder("\n单位          ");
        for (int m = 1; m <= 12; m++) table.append(String.format("%6s", m + "月"));
        int changing = 0;
        for (DemoCatalogue.Unit u : generator.units()) {
            table.append(String.format("%n%-8s %-8s", u.code(), u.name()));
            String first = null;
            boolean changed = false;
            for (int m = 1; m <= 12; m++) {
                UnitScore r = score(u.code(), m);
                assertThat(r.complete()).as("%s %d %s", u.code(), m, r.missing()).isTrue();
                counts.merge(r.grade(), 1, Integer::sum);
                table.append(String.format(" %s%6.2f", r.grade().charAt(0), r.total()));
                if (first == null) first = r.grade();
                changed |= !r.grade().equals(first);
                assertThat(fired(r, "ARREARS")).isEqualTo(u.code().equals(DemoDataGenerator.ARREARS_UNIT)
                        && DemoDataGenerator.ARREARS_MONTHS.contains(m));
                assertThat(fired(r, "CASH_FLOOR")).as("%s %d", u.code(), m).isEqualTo(u.code().equals(DemoDataGenerator.LOW_CASH_UNIT)
                        && DemoDataGenerator.LOW_CASH_MONTHS.contains(m));
            }
            if (changed) changing++;
        }
        System.out.println(table.append("\n").append(counts));

        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(grades);
        assertThat(counts.get("STABLE") + counts.get("LOW")).isGreaterThan(counts.get("MEDIUM") + counts.get("HIGH"));
        assertThat(changing).isGreaterThanOrEqualTo(1);
        for (int m : DemoDataGenerator.ARREARS_MONTHS)
            assertThat(score(DemoDataGenerator.ARREARS_UNIT, m).grade()).isEqualTo("HIGH");
        for (int m : DemoDataGenerator.LOW_CASH_MONTHS)
            assertThat(grades.indexOf(score(DemoDataGenerator.LOW_CASH_UNIT, m).grade())).isGreaterThanOrEqualTo(2);
    }
}
