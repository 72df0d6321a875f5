package cn.sanbao.intake;

import cn.sanbao.facts.DataItem;
import cn.sanbao.facts.DataItemRepository;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.region.RegionTree;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/** What a revision changed: each of its values against the value in force just before it (lower revision ids). */
@Service
public class RevisionDiff {

    /** old is null when the cell had no value before; change = new − old (null when old is null). */
    public record Row(String unitCode, String unitName, String period, String itemCode, String itemName, String measure,
                      BigDecimal oldValue, BigDecimal newValue, BigDecimal change) {
    }

    public record Result(long revisionId, int values, int unchanged, List<Row> changes) {
    }

    private final FactRepository facts;
    private final RegionTree regions;
    private final DataItemRepository catalogue;

    public RevisionDiff(FactRepository facts, RegionTree regions, DataItemRepository catalogue) {
        this.facts = facts;
        this.regions = regions;
        this.catalogue = catalogue;
    }

    public Result of(long revisionId, Predicate<String> visible) {
        return of(revisionId, visible, false);
    }

    /** With {@code everyValue} the rows also hold the values this revision repeated unchanged (change 0). */
    public Result of(long revisionId, Predicate<String> visible, boolean everyValue) {
        facts.revision(revisionId).orElseThrow(() -> new NoSuchElementException("数据修订 #" + revisionId + " 不存在"));
        List<FactValue> values = facts.valuesOf(revisionId).stream().filter(v -> visible.test(v.unitCode())).toList();
        List<String> periods = values.stream().map(FactValue::period).distinct().toList();
        Map<String, BigDecimal> before = new HashMap<>();
        for (ResolvedFact f : facts.current(periods, revisionId - 1)) {
            before.put(f.unitCode() + "|" + f.period() + "|" + f.itemCode(), f.amount());
        }
        List<Row> changes = new ArrayList<>();
        int unchanged = 0;
        for (FactValue v : values) {
            BigDecimal old = before.get(v.unitCode() + "|" + v.period() + "|" + v.itemCode());
            if (old != null && old.compareTo(v.amount()) == 0) {
                unchanged++;
                if (!everyValue) continue;
            }
            DataItem item = catalogue.item(v.itemCode()).orElseThrow();
            changes.add(new Row(v.unitCode(), regions.unit(v.unitCode()).map(u -> u.name()).orElse(v.unitCode()), v.period(),
                    v.itemCode(), item.name(), item.unit().label(), old, v.amount(), old == null ? null : v.amount().subtract(old)));
        }
        return new Result(revisionId, values.size(), unchanged, changes);
    }
}
