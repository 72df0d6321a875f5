package cn.sanbao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.sanbao.kernel.Period;
import cn.sanbao.engine.ScoringEngine;
import cn.sanbao.engine.UnitInput;
import cn.sanbao.engine.Models;

class SyntheticDataSetTest {

    private static final List<String> ITEMS = DemoCatalogue.generatedItems().stream().map(DemoCatalogue.Item::code).toList();

    @Test
    void hundredUnitsTimesTwelveMonthsAreCompleteAndRepeatable() {
        SyntheticDataSet set = new SyntheticDataSet(100, 42L);
        Set<String> seen = new HashSet<>();
        List<String> gradesSeen = new ArrayList<>();
        ScoringEngine engine = new ScoringEngine(Models.parse(DefaultModelText.read(), "sanbao-default.yaml"));
        set.forEachUnitMonth((unit, month, values) -> {
            assertThat(seen.add(unit + "/" + month)).isTrue();
            assertThat(values.keySet()).containsExactlyInAnyOrderElementsOf(ITEMS);
            assertThat(values.values()).allSatisfy(v -> assertThat(v.signum()).isGreaterThanOrEqualTo(0));
            gradesSeen.add(engine.score(new UnitInput(unit, Period.month(2021, month), values)).grade());
        });
        assertThat(seen).hasSize(1200).contains("S000001/1", "S000100/12");
        assertThat(new HashSet<>(gradesSeen)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(set.factCount()).isEqualTo(100L * (13 + 12 * 15));

        Map<String, Map<String, BigDecimal>> march = set.month(3);
        assertThat(march).hasSize(100);
        assertThat(march).isEqualTo(new SyntheticDataSet(100, 42L).month(3));
        assertThat(march).isNotEqualTo(new SyntheticDataSet(100, 43L).month(3));
    }

    @Test
    void everyUnitMonthOfALargeSetIsComplete() {
        long[] facts = {0};
        new SyntheticDataSet(3_000, 7L).forEachUnitMonth((unit, month, values) -> facts[0] += values.size());
        assertThat(facts[0]).isEqualTo(3_000L * 12 * ITEMS.size());
    }
}
