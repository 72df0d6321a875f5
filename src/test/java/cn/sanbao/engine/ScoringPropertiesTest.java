package cn.sanbao.engine;

import cn.sanbao.kernel.Period;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.Tuple;

/**
 * Properties of the default 四梁八柱 model that must hold for any data, checked on generated units:
 * amounts from 0 to 10^10 yuan with two decimals, either independent of each other or scattered
 * around a common size so that ratios land near the band edges, for every month of the year.
 */
class ScoringPropertiesTest {

    static final ScoringModel MODEL = TestModels.defaultModel();
    static final ScoringEngine ENGINE = new ScoringEngine(MODEL);
    static final List<String> ITEMS = List.copyOf(new java.util.TreeSet<>(MODEL.inputs().keySet()));
    static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000000");

    /** A generated unit: period and data items. */
    record Unit(Period period, Map<String, BigDecimal> values) {
        UnitScore score() {
            return ENGINE.score(new UnitInput("P", period, values));
        }

        Unit with(String item, BigDecimal value) {
            Map<String, BigDecimal> v = new HashMap<>(values);
            if (value == null) v.remove(item);
            else v.put(item, value);
            return new Unit(period, v);
        }

        @Override public String toString() {
            return period + " " + new java.util.TreeMap<>(values);
        }
    }

    /** How an item moves in the favourable direction. */
    enum Direction { UP, DOWN, DOWN_STAY_POSITIVE }

    /**
     * Items with an unambiguous favourable direction. Budgets are left out on purpose: a bigger budget
     * raises 预算安排到位率 but lowers the execution ratio. 暂付款目标 likewise cuts both ways.
     */
    static final Map<String, Direction> FAVOURABLE = Map.ofEntries(
            Map.entry("paid_wage", Direction.UP), Map.entry("paid_operation", Direction.UP),
            Map.entry("paid_livelihood", Direction.UP), Map.entry("paid_other_rigid", Direction.UP),
            Map.entry("fiscal_capacity", Direction.UP), Map.entry("cash_balance", Direction.UP),
            Map.entry("revenue_to_date", Direction.UP), Map.entry("hidden_debt_funded", Direction.UP),
            Map.entry("debt_service_funded", Direction.UP), Map.entry("offstaff_cap", Direction.UP),
            Map.entry("temp_payment_balance", Direction.DOWN), Map.entry("offstaff_headcount", Direction.DOWN),
            Map.entry("wage_arrears", Direction.DOWN), Map.entry("livelihood_arrears", Direction.DOWN),
            Map.entry("debt_service_due", Direction.DOWN),
            // less need: every ratio over demand improves, as long as demand does not become zero
            Map.entry("demand_wage", Direction.DOWN_STAY_POSITIVE),
            Map.entry("demand_operation", Direction.DOWN_STAY_POSITIVE),
            Map.entry("demand_livelihood", Direction.DOWN_STAY_POSITIVE));

    // ------------------------------------------------------------------ generators

    static Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, MAX_AMOUNT).ofScale(2);
    }

    static Arbitrary<BigDecimal> arrears() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(new BigDecimal("0.00"))), Tuple.of(2, amounts()));
    }

    /** Every item independent, anywhere in 0..10^10 (jqwik adds 0, 0.01 and 10^10 as edge cases). */
    static Arbitrary<Map<String, BigDecimal>> independent() {
        return amounts().list().ofSize(ITEMS.size()).flatMap(list -> arrears().list().ofSize(2).map(arr -> {
            Map<String, BigDecimal> v = new HashMap<>();
            for (int i = 0; i < ITEMS.size(); i++) v.put(ITEMS.get(i), list.get(i));
            v.put("wage_arrears", arr.get(0));
            v.put("livelihood_arrears", arr.get(1));
            v.put("offstaff_cap", list.get(0).setScale(0, RoundingMode.DOWN).remainder(BigDecimal.valueOf(100_000)));
            v.put("offstaff_headcount", list.get(1).setScale(0, RoundingMode.DOWN).remainder(BigDecimal.valueOf(100_000)));
            return v;
        }));
    }

    /** Items scattered around one size (0 to 2.5 times it), so ratios fall near 1 and near band edges. */
    static Arbitrary<Map<String, BigDecimal>> realistic() {
        Arbitrary<BigDecimal> size = Arbitraries.bigDecimals().between(new BigDecimal("1000000"), new BigDecimal("4000000000")).ofScale(2);
        Arbitrary<List<BigDecimal>> factors = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("2.5"))
                .ofScale(2).list().ofSize(ITEMS.size());
        Arbitrary<Integer> staff = Arbitraries.integers().between(0, 5000);
        return Combinators.combine(size, factors, staff, staff, arrears(), arrears()).as((d, f, cap, head, wa, la) -> {
            Map<String, BigDecimal> v = new HashMap<>();
            for (int i = 0; i < ITEMS.size(); i++) v.put(ITEMS.get(i), d.multiply(f.get(i)).setScale(2, RoundingMode.HALF_UP));
            v.put("offstaff_cap", BigDecimal.valueOf(cap));
            v.put("offstaff_headcount", BigDecimal.valueOf(head));
            v.put("wage_arrears", wa);
            v.put("livelihood_arrears", la);
            return v;
        });
    }

    @Provide
    Arbitrary<Unit> units() {
        Arbitrary<Period> period = Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.integers().between(1, 12).map(m -> Period.month(2021, m))),
                Tuple.of(1, Arbitraries.just(Period.year(2021))));
        return Combinators.combine(period, Arbitraries.oneOf(independent(), realistic())).as(Unit::new);
    }

    @Provide
    Arbitrary<String> favourableItems() {
        return Arbitraries.of(List.copyOf(new java.util.TreeSet<>(FAVOURABLE.keySet())));
    }

    /** The improved value: up by 0..10^10, or down to 0..100 % of the current value. */
    static BigDecimal improve(BigDecimal old, Direction dir, BigDecimal amount, BigDecimal fraction) {
        return switch (dir) {
            case UP -> old.add(amount);
            case DOWN -> old.multiply(fraction).setScale(2, RoundingMode.DOWN);
            case DOWN_STAY_POSITIVE -> old.signum() == 0 ? old
                    : old.multiply(fraction).setScale(2, RoundingMode.DOWN).max(new BigDecimal("0.01")).min(old);
        };
    }

    // ------------------------------------------------------------------ (a) monotone

    @Property(tries = 1000)
    void improvingOneInputNeverLowersTheTotalNorWorsensTheGrade(@ForAll("units") Unit unit,
                                                                 @ForAll("favourableItems") String item,
                                                                 @ForAll("amountsProvider") BigDecimal amount,
                                                                 @ForAll("fractions") BigDecimal fraction) {
        BigDecimal old = unit.values().get(item);
        Unit better = unit.with(item, improve(old, FAVOURABLE.get(item), amount, fraction));
        UnitScore before = unit.score();
        UnitScore after = better.score();
        assertThat(after.total()).as("%s: %s → %s", item, old, better.values().get(item))
                .isGreaterThanOrEqualTo(before.total());
        if (before.complete() && after.complete())
            assertThat(MODEL.rank(after.grade())).as("grade after improving %s", item)
                    .isLessThanOrEqualTo(MODEL.rank(before.grade()));
    }

    @Provide
    Arbitrary<BigDecimal> amountsProvider() {
        return amounts();
    }

    @Provide
    Arbitrary<BigDecimal> fractions() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(4);
    }

    // ------------------------------------------------------------------ (b) points within weights

    @Property(tries = 1000)
    void pointsStayWithinWeightsAndAddUp(@ForAll("units") Unit unit) {
        UnitScore s = unit.score();
        BigDecimal sumOfGroups = BigDecimal.ZERO;
        for (UnitScore.GroupResult g : s.groups()) {
            assertThat(g.points()).as(g.code()).isBetween(BigDecimal.ZERO, g.weight());
            BigDecimal sumOfIndicators = s.indicators().stream().filter(i -> i.groupCode().equals(g.code()))
                    .map(IndicatorResult::points).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(g.points()).as(g.code()).isEqualByComparingTo(sumOfIndicators);
            sumOfGroups = sumOfGroups.add(g.points());
        }
        assertThat(s.total()).isEqualByComparingTo(sumOfGroups);
        assertThat(s.total()).isBetween(BigDecimal.ZERO, MODEL.totalPoints());
        for (IndicatorResult r : s.indicators()) {
            assertThat(r.points()).as(r.code()).isBetween(BigDecimal.ZERO, r.weight());
            if (!r.ok()) assertThat(r.points()).as(r.code() + " not ok").isZero();
        }
        assertThat(s.indicators()).hasSize(MODEL.indicators().size());
    }

    // ------------------------------------------------------------------ (c) weights of the model

    @Example
    void weightsOfTheDefaultModelAddUpToGroupsAndTotal() {
        BigDecimal total = BigDecimal.ZERO;
        for (ScoringModel.Group g : MODEL.groups()) {
            BigDecimal sum = g.indicators().stream().map(ScoringModel.Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as(g.code()).isEqualByComparingTo(g.weight());
            total = total.add(g.weight());
        }
        assertThat(total).isEqualByComparingTo(MODEL.totalPoints()).isEqualByComparingTo("100");
        // SPEC §4: four pillars of 15, eight indicators of 5
        assertThat(MODEL.groups()).extracting(g -> g.weight().toPlainString()).containsExactly("60", "40");
    }

    // ------------------------------------------------------------------ (d) missing data never helps

    @Property(tries = 300)
    void removingAnyInputNeverGivesABetterGradeAndAlwaysMarksTheUnitIncomplete(@ForAll("units") Unit unit) {
        UnitScore full = unit.score();
        List<String> wrong = new ArrayList<>();
        for (String item : ITEMS) {
            UnitScore s = unit.with(item, null).score();
            if (s.complete()) wrong.add(item + ": still complete");
            if (!s.missing().contains(item)) wrong.add(item + ": not listed as missing " + s.missing());
            if (s.total().compareTo(full.total()) > 0) wrong.add(item + ": total rose to " + s.total());
            if (s.grade() != null) {
                // only a forcing override may settle a grade on incomplete data
                if (s.overrides().stream().noneMatch(o -> o.action() == ScoringModel.OverrideAction.FORCE))
                    wrong.add(item + ": grade " + s.grade() + " without a forcing override");
                if (full.grade() != null && MODEL.rank(s.grade()) < MODEL.rank(full.grade()))
                    wrong.add(item + ": grade " + s.grade() + " better than " + full.grade());
            }
        }
        assertThat(wrong).isEmpty();
    }

    // ------------------------------------------------------------------ exactly on schedule

    @Property(tries = 200)
    void unitExactlyOnScheduleEarnsFullExecutionPointsInEveryMonth(@ForAll @IntRange(min = 1, max = 12) int month,
                                                                   @ForAll @IntRange(min = 1, max = 800_000_000) int twelfth) {
        // budget = 12 × twelfth cents-free yuan; paid to date = month × twelfth = budget × month / 12 exactly
        Map<String, BigDecimal> v = DefaultModelTest.handUnit();
        BigDecimal budget = BigDecimal.valueOf(twelfth).multiply(BigDecimal.valueOf(12)).setScale(2);
        BigDecimal paid = BigDecimal.valueOf(twelfth).multiply(BigDecimal.valueOf(month)).setScale(2);
        for (String pillar : List.of("wage", "operation", "livelihood", "other_rigid")) {
            v.put("budget_" + pillar, budget);
            v.put("paid_" + pillar, paid);
        }
        UnitScore s = ENGINE.score(new UnitInput("S", Period.month(2021, month), v));
        for (String code : List.of("EXEC_WAGE", "EXEC_OPERATION", "EXEC_LIVELIHOOD", "EXEC_OTHER_RIGID")) {
            assertThat(s.indicator(code).value()).as(code + " in month " + month).isEqualByComparingTo("1");
            assertThat(s.indicator(code).points()).as(code).isEqualByComparingTo("15");
        }
    }
}
