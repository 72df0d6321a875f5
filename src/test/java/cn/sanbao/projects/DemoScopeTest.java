package cn.sanbao.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import cn.sanbao.demo.DemoCatalogue;
import cn.sanbao.demo.DemoDataGenerator;
import cn.sanbao.demo.DemoFact;
import cn.sanbao.projects.demo.DemoLibrary;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.region.UnitKind;

/**
 * The shipped demo scope data are plausible magnitudes for Ningxia (order of magnitude of the statistical
 * yearbooks, rounded), and the demo's demand facts are exactly their estimate with the shipped list, so the
 * trace never shows a demand figure its estimation lines do not add up to.
 */
class DemoScopeTest {

    static final Map<String, Map<String, BigDecimal>> SCOPE = DemoLibrary.scope();

    static long total(String measure) {
        return SCOPE.values().stream().map(m -> m.get(measure)).filter(q -> q != null).mapToLong(BigDecimal::longValueExact).sum();
    }

    static long of(String unit, String measure) {
        BigDecimal q = SCOPE.get(unit).get(measure);
        return q == null ? 0 : q.longValueExact();
    }

    @Test
    void demandFactsAreTheEstimateOfTheScopeForEveryUnitAndPillar() {
        Map<String, UnitKind> kinds = new LinkedHashMap<>();
        DemoCatalogue.budgetUnits().forEach(u -> kinds.put(u.code(), UnitKind.valueOf(u.kind())));
        assertThat(kinds).hasSize(28);
        Map<String, BigDecimal> generated = new HashMap<>();
        for (DemoFact f : new DemoDataGenerator().generate())
            if (f.period().equals("2021") && f.itemCode().startsWith("demand_")) generated.put(f.unitCode() + "|" + f.itemCode(), f.amount());
        Map<String, Map<Pillar, BigDecimal>> estimate = DemoLibrary.demand(kinds);
        assertThat(estimate.keySet()).containsExactlyInAnyOrderElementsOf(kinds.keySet());
        estimate.forEach((unit, byPillar) -> byPillar.forEach((p, amount) ->
                assertThat(generated.get(unit + "|" + p.demandItem())).as("%s %s", unit, p).isEqualByComparingTo(amount)));
    }

    @Test
    void quantitiesHavePlausibleMagnitudesForNingxia() {
        // 2020 census: about 7.2 million residents; compulsory-education pupils about one million
        assertThat(total("resident_population")).isBetween(6_800_000L, 7_600_000L);
        assertThat(total("pupils_compulsory")).isBetween(800_000L, 1_200_000L);
        assertThat(total("staff_on_establishment")).isBetween(150_000L, 320_000L);
        // 宁东能源化工基地 is an industrial zone: few residents, no large rural population
        assertThat(of("64ND00", "resident_population")).isLessThan(100_000L);
        assertThat(of("64ND00", "dibao_rural")).isLessThan(2_000L);
        // 市本级 has no residents of its own: per-resident items are budgeted by the districts and counties
        for (String cityLevel : List.of("640100BJ", "640200BJ", "640300BJ", "640400BJ", "640500BJ"))
            assertThat(SCOPE.get(cityLevel)).as(cityLevel).doesNotContainKey("resident_population").doesNotContainKey("dibao_rural");
        SCOPE.forEach((unit, q) -> {
            long people = of(unit, "resident_population");
            if (people == 0) return;
            assertThat(people).as(unit).isBetween(40_000L, 1_000_000L);
            assertThat(of(unit, "pupils_compulsory") * 100 / people).as("%s 义务教育在校生占常住人口 %%", unit).isBetween(8L, 16L);
            assertThat(of(unit, "staff_on_establishment") * 1000 / people).as("%s 每千人在编", unit).isBetween(15L, 65L);
            assertThat(of(unit, "insured_residents")).as(unit).isLessThan(people);
            assertThat(of(unit, "admin_staff") + of(unit, "institution_staff")).as(unit).isLessThanOrEqualTo(of(unit, "staff_on_establishment"));
        });
    }
}
