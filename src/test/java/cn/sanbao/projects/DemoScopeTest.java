package cn.sanbao.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import cn.sanbao.demo.DemoCatalogue;
import cn.sanbao.demo.DemoDataGenerator;
import cn.sanbao.demo.DemoFact;
import cn.sanbao.projects.demand.DemandCalculator;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.projects.list.GuaranteeListFile;
import cn.sanbao.projects.list.Pillar;
import cn.sanbao.region.UnitKind;
import cn.sanbao.shared.CsvFile;

/** The shipped demo scope data, estimated with the shipped list, lands close to the generator's demand. */
class DemoScopeTest {

    @Test
    void estimateIsWithinOnePercentOfTheGeneratedDemandForEveryUnitAndPillar() {
        List<GuaranteeItem> items = GuaranteeListFile.read("list", getClass().getResourceAsStream("/projects/guarantee-list-ningxia.csv"));
        CsvFile scope = CsvFile.read("scope", getClass().getResourceAsStream("/projects/demo-scope-2021.csv"), List.of("year", "unit_code", "measure", "quantity"));
        Map<String, Map<String, BigDecimal>> q = new HashMap<>();
        for (CsvFile.Row r : scope.rows()) q.computeIfAbsent(r.get("unit_code"), k -> new HashMap<>()).put(r.get("measure"), new BigDecimal(r.get("quantity")));
        Map<String, BigDecimal> generated = new HashMap<>();
        for (DemoFact f : new DemoDataGenerator().generate())
            if (f.period().equals("2021") && f.itemCode().startsWith("demand_")) generated.put(f.unitCode() + "|" + f.itemCode(), f.amount());
        List<DemoCatalogue.Unit> units = DemoCatalogue.budgetUnits();
        assertThat(units).hasSize(28);
        for (DemoCatalogue.Unit u : units) {
            assertThat(q).containsKey(u.code());
            Map<Pillar, BigDecimal> sums = DemandCalculator.byPillar(DemandCalculator.unit(u.code(), UnitKind.valueOf(u.kind()), items, q.get(u.code())::get));
            for (Pillar p : Pillar.values()) {
                double expected = generated.get(u.code() + "|" + p.demandItem()).doubleValue();
                assertThat(sums.get(p).doubleValue() / expected).as("%s %s", u.name(), p).isCloseTo(1.0, within(0.01));
            }
        }
    }
}
