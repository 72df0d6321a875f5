package cn.sanbao.cashwatch.store;

import cn.sanbao.audit.AuditLog;
import cn.sanbao.cashwatch.DailyBalance;
import cn.sanbao.cashwatch.DailyCashResult;
import cn.sanbao.cashwatch.DailyCashStored;
import cn.sanbao.cashwatch.DailyCashWatch;
import cn.sanbao.cashwatch.DayLevel;
import cn.sanbao.cashwatch.level.DailyLevels;
import cn.sanbao.cashwatch.level.LevelRule;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.kernel.CashBand;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** Stores daily balances as revisions and computes daily levels for many units from a few bulk reads. */
@Service
public class CashWatchService implements DailyCashWatch {

    /** Days read before a range so that a run below the floor that began earlier is counted in full (up to this). */
    static final int STREAK_LOOKBACK_DAYS = 120;
    static final List<String> NEED_ITEMS = Pillar.demandItems(Pillar.SANBAO);

    private final CashRepository repository;
    private final RegionTree regions;
    private final FactRepository facts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionOperations tx;
    private final Clock clock;
    private final LevelRule rule;
    private final DailyCashValidator validator;
    /** The levels of every unit on the last day asked for, valid while no revision (cash or facts) is added. */
    private final AtomicReference<DayCache> dayCache = new AtomicReference<>();

    private record DayCache(LocalDate day, long cashRevision, long factRevision, List<DayLevel> levels) {
    }

    public CashWatchService(CashRepository repository, RegionTree regions, FactRepository facts, AuditLog audit,
                            ApplicationEventPublisher events, TransactionOperations tx, ObjectProvider<Clock> clock,
                            @Value("${sanbao.cash-watch.band.low:0.3}") BigDecimal low,
                            @Value("${sanbao.cash-watch.band.high:1.5}") BigDecimal high) {
        this.repository = repository;
        this.regions = regions;
        this.facts = facts;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
        // its own band: this level divides by the 三保 need, not by the outflow like the runway's 0.3–0.8 band
        this.rule = new LevelRule(new CashBand(low, high));
        this.validator = new DailyCashValidator(code -> regions.unit(code)
                .map(u -> u.isConsolidated() ? DailyCashValidator.UnitKind.CONSOLIDATED : DailyCashValidator.UnitKind.BUDGET_UNIT)
                .orElse(DailyCashValidator.UnitKind.UNKNOWN), code -> regions.unit(code).map(FiscalUnit::name).orElse(""));
    }

    @Override
    public DailyCashResult store(String source, String file, List<DailyBalance> rows, String actor) {
        validator.check(file, rows, LocalDate.now(clock), repository.latestDay().orElse(null));
        LocalDate first = rows.stream().map(DailyBalance::day).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = rows.stream().map(DailyBalance::day).max(LocalDate::compareTo).orElseThrow();
        return tx.execute(status -> {
            Map<String, BigDecimal> current = new HashMap<>();
            for (CashRepository.Stored s : repository.current(first, last)) current.put(s.unitCode() + "|" + s.day(), s.balance());
            List<CashRepository.Stored> changed = new ArrayList<>();
            Set<String> units = new TreeSet<>();
            for (DailyBalance r : rows) {
                String code = r.unitCode().strip();
                BigDecimal was = current.get(code + "|" + r.day());
                if (was != null && was.compareTo(r.balance()) == 0) continue;
                changed.add(new CashRepository.Stored(code, r.day(), r.balance().setScale(2)));
                units.add(code);
            }
            if (changed.isEmpty()) return new DailyCashResult(null, rows.size(), 0, first, last);
            String label = cut(file, 250);
            long id = repository.insertRevision(cut(source, 64), label, rows.size(), changed.size(), first, last,
                    cut(actor, 64), LocalDateTime.now(clock));
            repository.insertBalances(id, changed);
            audit.record(actor, "CASH_DAILY_STORE", "cash-revision:" + id, "库款日报 " + label + "（" + first + " 至 " + last
                    + "），" + rows.size() + " 行，新增或变化 " + changed.size() + " 行，涉及 " + units.size() + " 个单位");
            events.publishEvent(new DailyCashStored(id, source, first, last, units.size()));
            return new DailyCashResult(id, rows.size(), changed.size(), first, last);
        });
    }

    @Override
    public Optional<LocalDate> latestDay() { return repository.latestDay(); }

    @Override
    public List<DayLevel> series(String unitCode, LocalDate from, LocalDate to) {
        List<DailyLevels.Balance> balances = repository.current(unitCode, from.minusDays(STREAK_LOOKBACK_DAYS), to).stream()
                .map(s -> new DailyLevels.Balance(s.unitCode(), s.day(), s.balance())).toList();
        Map<String, BigDecimal> needs = annualNeeds(years(from.minusDays(STREAK_LOOKBACK_DAYS), to), Set.of(unitCode));
        return new DailyLevels(rule).of(balances, (u, y) -> needs.get(u + "|" + y)).stream()
                .filter(d -> !d.day().isBefore(from)).toList();
    }

    @Override
    public List<DayLevel> onDay(LocalDate day, Predicate<String> visibleUnit) {
        long cashRevision = repository.latestRevisionId();
        long factRevision = facts.latestRevisionId();
        DayCache cached = dayCache.get();
        if (!cached(cached, day, cashRevision, factRevision)) {
            synchronized (dayCache) { // under load one request computes, the others wait for it
                cached = dayCache.get();
                if (!cached(cached, day, cashRevision, factRevision)) {
                    List<DayLevel> all = levels(day, day, u -> true).values().stream().flatMap(List::stream).toList();
                    cached = new DayCache(day, cashRevision, factRevision, all);
                    dayCache.set(cached);
                }
            }
        }
        return cached.levels().stream().filter(d -> visibleUnit.test(d.unitCode())).toList();
    }

    private static boolean cached(DayCache c, LocalDate day, long cashRevision, long factRevision) {
        return c != null && c.day().equals(day) && c.cashRevision() == cashRevision && c.factRevision() == factRevision;
    }

    @Override
    public Map<String, List<DayLevel>> levels(LocalDate from, LocalDate to, Predicate<String> visibleUnit) {
        Map<String, List<DailyLevels.Balance>> byUnit = new HashMap<>();
        for (CashRepository.Stored s : repository.current(from, to)) {
            if (visibleUnit.test(s.unitCode())) byUnit.computeIfAbsent(s.unitCode(), k -> new ArrayList<>()).add(balance(s));
        }
        Map<String, BigDecimal> needs = annualNeeds(years(from.minusDays(STREAK_LOOKBACK_DAYS), to), byUnit.keySet());
        DailyLevels levels = new DailyLevels(rule);
        // only a unit below the floor on its first day in the range can have a run that began earlier: read back for those
        Set<String> lookBack = new TreeSet<>();
        byUnit.forEach((unit, days) -> {
            if (levels.of(days.subList(0, 1), (c, y) -> needs.get(c + "|" + y)).get(0).band() == cn.sanbao.cashwatch.CashLevelBand.LOW) {
                lookBack.add(unit);
            }
        });
        Map<String, List<DailyLevels.Balance>> earlier = new HashMap<>();
        List<String> ask = new ArrayList<>(lookBack);
        for (int i = 0; i < ask.size(); i += 1000) {
            for (CashRepository.Stored s : repository.current(ask.subList(i, Math.min(ask.size(), i + 1000)),
                    from.minusDays(STREAK_LOOKBACK_DAYS), from.minusDays(1))) {
                earlier.computeIfAbsent(s.unitCode(), k -> new ArrayList<>()).add(balance(s));
            }
        }
        Map<String, List<DayLevel>> out = new LinkedHashMap<>();
        for (FiscalUnit u : regions.budgetUnits()) { // region order
            List<DailyLevels.Balance> balances = byUnit.get(u.code());
            if (balances == null) continue;
            List<DailyLevels.Balance> read = new ArrayList<>(earlier.getOrDefault(u.code(), List.of()));
            read.addAll(balances);
            out.put(u.code(), levels.of(read, (c, y) -> needs.get(c + "|" + y)).stream().filter(d -> !d.day().isBefore(from)).toList());
        }
        return out;
    }

    private static DailyLevels.Balance balance(CashRepository.Stored s) {
        return new DailyLevels.Balance(s.unitCode(), s.day(), s.balance());
    }

    @Override
    public CashBand band() { return rule.band(); }

    /** Annual 三保 need per "unit|year" from the current facts, in one read. */
    private Map<String, BigDecimal> annualNeeds(Set<String> years, Set<String> units) {
        Map<String, BigDecimal> needs = new HashMap<>();
        if (units.isEmpty()) return needs;
        // many units: one read of the years for all (a long IN list costs more than the few extra rows)
        List<ResolvedFact> read = units.size() > 500 ? facts.current(years, null) : facts.current(years, units, null);
        for (ResolvedFact f : read) {
            if (NEED_ITEMS.contains(f.itemCode()) && units.contains(f.unitCode())) needs.merge(f.unitCode() + "|" + f.period(), f.amount(), BigDecimal::add);
        }
        return needs;
    }

    private static Set<String> years(LocalDate from, LocalDate to) {
        Set<String> years = new LinkedHashSet<>();
        for (int y = from.getYear(); y <= to.getYear(); y++) years.add(String.valueOf(y));
        return years;
    }

    private static String cut(String s, int max) {
        String t = s == null || s.isBlank() ? "—" : s;
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
