package cn.sanbao.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import cn.sanbao.projects.demand.DemandCalculator;
import cn.sanbao.projects.demand.DemandLine;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.projects.list.StandardBasis;
import cn.sanbao.region.UnitKind;

/** Demand = standard × scope × local share, checked against figures worked out by hand. */
class DemandArithmeticTest {

    static GuaranteeItem item(String code, Pillar pillar, StandardBasis basis, String standard, Integer changeMonth,
                              String after, String central, String region, String city, String county) {
        return new GuaranteeItem(code, code, pillar, basis, BigDecimal.ZERO, new BigDecimal(standard), changeMonth,
                after == null ? null : new BigDecimal(after), basis == StandardBasis.FIXED ? "" : "m_" + code.toLowerCase(),
                new BigDecimal(central), new BigDecimal(region), new BigDecimal(city), new BigDecimal(county),
                List.of("205"), 2021, true);
    }

    @Test
    void countyBearsTheCountyShareAndCityLevelTheCityAndCountyShares() {
        GuaranteeItem pupils = item("L01", Pillar.LIVELIHOOD, StandardBasis.PER_PERSON_YEAR, "720", null, null, "0.8", "0.02", "0.1", "0.08");
        // 720 × 1000 × 0.08 = 57 600
        assertThat(pupils.demand(new BigDecimal("1000"), pupils.localShare(UnitKind.COUNTY))).isEqualByComparingTo("57600.00");
        // 720 × 1000 × (0.1 + 0.08) = 129 600
        assertThat(pupils.demand(new BigDecimal("1000"), pupils.localShare(UnitKind.CITY_LEVEL))).isEqualByComparingTo("129600.00");
        assertThat(pupils.localShare(UnitKind.ZONE)).isEqualByComparingTo("0.18");
    }

    @Test
    void monthlyStandardCountsTwelveMonths() {
        GuaranteeItem dibao = item("L05", Pillar.LIVELIHOOD, StandardBasis.PER_PERSON_MONTH, "720", null, null, "0.7", "0.15", "0", "0.15");
        // 720 × 12 × 150 × 0.15 = 194 400
        assertThat(dibao.demand(new BigDecimal("150"), new BigDecimal("0.15"))).isEqualByComparingTo("194400.00");
        assertThat(dibao.annualStandard()).isEqualByComparingTo("8640");
    }

    @Test
    void midYearChangeWeighsEachStandardByItsMonths() {
        GuaranteeItem perf = item("W04", Pillar.WAGE, StandardBasis.PER_PERSON_YEAR, "18000", 7, "19800", "0", "0", "0", "1");
        // 18 000 × 6/12 + 19 800 × 6/12 = 18 900 per person; × 3 persons = 56 700
        assertThat(perf.annualStandard()).isEqualByComparingTo("18900");
        assertThat(perf.demand(new BigDecimal("3"), BigDecimal.ONE)).isEqualByComparingTo("56700.00");

        GuaranteeItem dibao = item("L05", Pillar.LIVELIHOOD, StandardBasis.PER_PERSON_MONTH, "670", 4, "720", "0.7", "0.15", "0", "0.15");
        // 670 × 3 months + 720 × 9 months = 8 490 per person; × 7 × 0.15 = 8 914.50
        assertThat(dibao.demand(new BigDecimal("7"), new BigDecimal("0.15"))).isEqualByComparingTo("8914.50");
    }

    @Test
    void eachItemIsRoundedOnceHalfUpAndPillarsAddTheRoundedLines() {
        GuaranteeItem odd = item("L10", Pillar.LIVELIHOOD, StandardBasis.PER_PERSON_YEAR, "10.01", null, null, "0", "0", "0.5", "0.5");
        // 10.01 × 1 × 0.5 = 5.005 → 5.01 (HALF_UP; banker's rounding would give 5.00)
        assertThat(odd.demand(BigDecimal.ONE, new BigDecimal("0.5"))).isEqualByComparingTo("5.01");
        // (100 × 1 + 101 × 11) / 12 = 100.91666… → 100.92, rounded only at the end
        GuaranteeItem change = item("L11", Pillar.LIVELIHOOD, StandardBasis.PER_PERSON_YEAR, "100", 2, "101", "0", "0", "0", "1");
        assertThat(change.demand(BigDecimal.ONE, BigDecimal.ONE)).isEqualByComparingTo("100.92");
        assertThat(change.demand(new BigDecimal("3"), BigDecimal.ONE)).isEqualByComparingTo("302.75");

        GuaranteeItem odd2 = item("L12", Pillar.LIVELIHOOD, StandardBasis.PER_PERSON_YEAR, "10.01", null, null, "0", "0", "0", "1");
        List<DemandLine> lines = DemandCalculator.unit("640422", UnitKind.COUNTY, List.of(odd, odd2),
                Map.of("m_l10", BigDecimal.ONE, "m_l12", new BigDecimal("0.5"))::get);
        // county share of L10 is 0.5: 5.005 → 5.01 twice; sum of rounded lines 10.02
        assertThat(lines).extracting(DemandLine::amount).containsExactly(new BigDecimal("5.01"), new BigDecimal("5.01"));
        assertThat(DemandCalculator.byPillar(lines).get(Pillar.LIVELIHOOD)).isEqualByComparingTo("10.02");
        assertThat(DemandCalculator.byPillar(lines).get(Pillar.WAGE)).isEqualByComparingTo("0");
    }

    @Test
    void fixedItemsIgnoreScopeAndMissingScopeGivesNoLine() {
        GuaranteeItem fixed = item("O05", Pillar.OPERATION, StandardBasis.FIXED, "3000000", null, null, "0", "0.5", "0", "0.5");
        GuaranteeItem staff = item("O01", Pillar.OPERATION, StandardBasis.PER_PERSON_YEAR, "60000", null, null, "0", "0", "0", "1");
        List<DemandLine> lines = DemandCalculator.unit("640422", UnitKind.COUNTY, List.of(fixed, staff), m -> null);
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.itemCode()).isEqualTo("O05");
            assertThat(l.amount()).isEqualByComparingTo("1500000.00");
        });
    }
}
