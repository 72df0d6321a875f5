package cn.sanbao.facts;

import cn.sanbao.engine.EarlierPeriods;
import cn.sanbao.kernel.Period;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which stored figure the engine sees for each unit and item in a scoring period, by the one
 * rule of {@link PeriodRule} (shared with the command line). Cities and the region are summed
 * from their budget units, and only when every member reported the item.
 */
@Service
public class FactResolver {

    private final FactRepository store;
    private final RegionTree regions;
    private final DataItemRepository items;

    public FactResolver(FactRepository store, RegionTree regions, DataItemRepository items) {
        this.store = store;
        this.regions = regions;
        this.items = items;
    }

    /** Newest figures for every unit (budget and consolidated), in region tree order. */
    public Map<String, UnitFacts> resolve(Period period) { return resolve(period, null); }

    /** Figures as they stood at revision {@code asOfRevision} (null = newest), for every unit in tree order. */
    public Map<String, UnitFacts> resolve(Period period, Long asOfRevision) {
        Map<Frequency, Period> sources = sourcePeriods(period);
        Set<String> codes = sources.values().stream().map(Period::code).collect(Collectors.toSet());
        Map<String, Map<String, ResolvedFact>> byUnit = new HashMap<>();
        for (ResolvedFact f : store.current(codes, asOfRevision)) {
            DataItem item = items.item(f.itemCode()).orElse(null);
            Period wanted = item == null ? null : sources.get(item.frequency());
            if (wanted != null && wanted.code().equals(f.period())) {
                byUnit.computeIfAbsent(f.unitCode(), u -> new HashMap<>()).put(f.itemCode(), f);
            }
        }
        List<String> commonNotes = new ArrayList<>();
        if (!sources.containsKey(Frequency.MONTHLY) && hasItems(Frequency.MONTHLY)) {
            commonNotes.add(period.label() + "之前本年度尚无已结束的月份，月报数据项缺失");
        }
        Map<String, UnitFacts> result = new LinkedHashMap<>();
        for (FiscalUnit unit : regions.all()) {
            if (unit.isConsolidated()) {
                result.put(unit.code(), consolidate(unit, byUnit, commonNotes));
            } else {
                result.put(unit.code(), new UnitFacts(unit.code(), byUnit.getOrDefault(unit.code(), Map.of()), commonNotes));
            }
        }
        return result;
    }

    /**
     * As {@link #resolve(Period, Long)}, plus the earlier values a model reads ({@code prev(x)}, {@code x@-1Y},
     * {@code avg(x, 3Y)}): each earlier period is resolved by the same rule, one query per earlier period for
     * all units, and its figures are added under the lag's name with their own period and revision.
     */
    public Map<String, UnitFacts> resolve(Period period, Long asOfRevision, Collection<EarlierPeriods.Lag> lags) {
        Map<String, UnitFacts> now = resolve(period, asOfRevision);
        if (lags.isEmpty()) return now;
        Map<Period, List<EarlierPeriods.Lag>> byPeriod = new LinkedHashMap<>();
        for (EarlierPeriods.Lag lag : lags) byPeriod.computeIfAbsent(lag.apply(period), p -> new ArrayList<>()).add(lag);
        Map<String, Map<String, ResolvedFact>> merged = new HashMap<>();
        now.forEach((unit, f) -> merged.put(unit, new HashMap<>(f.items())));
        byPeriod.forEach((earlier, list) -> resolve(earlier, asOfRevision).forEach((unit, f) -> {
            for (EarlierPeriods.Lag lag : list) {
                ResolvedFact r = f.items().get(lag.item());
                if (r != null) merged.computeIfAbsent(unit, u -> new HashMap<>()).put(lag.name(), r);
            }
        }));
        Map<String, UnitFacts> out = new LinkedHashMap<>();
        now.forEach((unit, f) -> out.put(unit, new UnitFacts(unit, merged.get(unit), f.notes())));
        return out;
    }

    /** Which stored period each frequency is read from; a frequency without a source period is left out. */
    public static Map<Frequency, Period> sourcePeriods(Period period) {
        return PeriodRule.sources(period);
    }

    private UnitFacts consolidate(FiscalUnit unit, Map<String, Map<String, ResolvedFact>> byUnit, List<String> commonNotes) {
        List<FiscalUnit> members = regions.members(unit.code());
        Map<String, ResolvedFact> sums = new HashMap<>();
        List<String> notes = new ArrayList<>(commonNotes);
        for (DataItem item : items.all()) {
            BigDecimal sum = BigDecimal.ZERO;
            long revision = 0;
            String period = null;
            List<String> lacking = new ArrayList<>();
            for (FiscalUnit m : members) {
                ResolvedFact f = byUnit.getOrDefault(m.code(), Map.of()).get(item.code());
                if (f == null) {
                    lacking.add(m.name());
                    continue;
                }
                sum = sum.add(f.amount());
                revision = Math.max(revision, f.revisionId());
                period = f.period();
            }
            if (members.isEmpty()) continue;
            if (lacking.isEmpty()) {
                sums.put(item.code(), new ResolvedFact(unit.code(), period, item.code(), sum, revision));
            } else if (lacking.size() < members.size()) {
                // a partial sum would understate the whole; better absent and explained
                notes.add(unit.name() + "“" + item.name() + "”无法汇总：" + String.join("、", lacking) + " 未报送");
            } else if (!isAbsentEverywhere(item, byUnit)) {
                notes.add(unit.name() + "“" + item.name() + "”无法汇总：所属 " + members.size() + " 个预算单位均未报送");
            }
        }
        return new UnitFacts(unit.code(), sums, notes);
    }

    /** An item nobody reported at all is already visible as missing everywhere; no per-city note needed. */
    private static boolean isAbsentEverywhere(DataItem item, Map<String, Map<String, ResolvedFact>> byUnit) {
        return byUnit.values().stream().noneMatch(m -> m.containsKey(item.code()));
    }

    private boolean hasItems(Frequency frequency) {
        return items.all().stream().anyMatch(i -> i.frequency() == frequency);
    }
}
