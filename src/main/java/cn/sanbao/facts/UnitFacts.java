package cn.sanbao.facts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures the scoring engine reads for one unit in one scoring period. An item without a value
 * is absent (never zero): the engine must report it as missing. Notes explain absences in Chinese.
 */
public record UnitFacts(String unitCode, Map<String, ResolvedFact> items, List<String> notes) {

    public UnitFacts {
        items = Map.copyOf(items);
        notes = List.copyOf(notes);
    }

    public boolean has(String itemCode) { return items.containsKey(itemCode); }

    public Optional<BigDecimal> amount(String itemCode) {
        return Optional.ofNullable(items.get(itemCode)).map(ResolvedFact::amount);
    }

    /** Newest revision any figure of this unit came from; 0 when the unit has no figures. */
    public long maxRevisionId() {
        return items.values().stream().mapToLong(ResolvedFact::revisionId).max().orElse(0);
    }
}
