package cn.sanbao.decision.runway;

import cn.sanbao.kernel.CashBand;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;

/** Reads the stored monthly cash facts and projects every budget unit with {@link RunwayCalculator}. */
@Service
@org.springframework.modulith.NamedInterface("runway")
public class RunwayService {

    static final List<String> PAID = Pillar.paidItems(Pillar.SANBAO);
    static final List<String> DEMAND = Pillar.demandItems(Pillar.SANBAO);

    private final FactRepository facts;
    private final RegionTree regions;
    private final List<ExtraInflows> extras;
    private final RunwayCalculator calculator;

    public RunwayService(FactRepository facts, RegionTree regions, List<ExtraInflows> extras, CashBand band) {
        this.facts = facts;
        this.regions = regions;
        this.extras = extras;
        this.calculator = new RunwayCalculator(band);
    }

    public CashBand band() { return calculator.band(); }

    /** Actual months of the base month's year up to the base month, for the chart. */
    public List<CashMonth> history(String unitCode, YearMonth base) {
        RunwayInput in = inputs(base, false, unitCode).get(unitCode);
        if (in == null) return List.of();
        return in.history().stream().filter(m -> m.month().getYear() == base.getYear()).toList();
    }

    /** Latest month of the year with a cash balance reported by any unit. */
    public Optional<YearMonth> latestMonth(int year) {
        List<String> periods = new ArrayList<>();
        for (int m = 1; m <= 12; m++) periods.add(YearMonth.of(year, m).toString());
        return facts.current(periods, null).stream().filter(f -> f.itemCode().equals("cash_balance"))
                .map(f -> YearMonth.parse(f.period())).max(YearMonth::compareTo);
    }

    /** Projections of the visible budget units with the base month's data, region order; known extra inflows included. */
    public List<RunwayProjection> projectAll(YearMonth base, Predicate<String> visible) {
        return projectAll(base, visible, true);
    }

    public List<RunwayProjection> projectAll(YearMonth base, Predicate<String> visible, boolean withExtras) {
        Map<String, RunwayInput> inputs = inputs(base, withExtras);
        List<RunwayProjection> out = new ArrayList<>();
        for (FiscalUnit u : regions.budgetUnits()) {
            RunwayInput in = inputs.get(u.code());
            if (in != null && visible.test(u.code())) out.add(calculator.project(in));
        }
        return out;
    }

    public Optional<RunwayProjection> project(String unitCode, YearMonth base, boolean withExtras) {
        RunwayInput in = inputs(base, withExtras, unitCode).get(unitCode);
        return in == null ? Optional.empty() : Optional.of(calculator.project(in));
    }

    /**
     * The unit's 库款保障水平 at the end of each month of the year up to {@code upTo}, as {@link #project} gives it
     * per month without extra inflows, from one read of its figures (a unit page asks for every month).
     */
    public Map<YearMonth, BigDecimal> baseLevels(String unitCode, YearMonth upTo) {
        if (!regions.isBudgetUnit(unitCode)) return Map.of();
        List<ResolvedFact> stored = facts.current(periodsUpTo(upTo), List.of(unitCode), null);
        Map<YearMonth, BigDecimal> out = new LinkedHashMap<>();
        for (YearMonth m = YearMonth.of(upTo.getYear(), 1); !m.isAfter(upTo); m = m.plusMonths(1)) {
            RunwayInput in = inputsFrom(stored, List.of(unitCode), m, Map.of()).get(unitCode);
            if (in != null) out.put(m, calculator.project(in).baseLevel());
        }
        return out;
    }

    /** The year itself and every month from January of the year before up to the base month. */
    private static List<String> periodsUpTo(YearMonth base) {
        List<String> periods = new ArrayList<>(List.of(String.valueOf(base.getYear())));
        for (YearMonth m = YearMonth.of(base.getYear() - 1, 1); !m.isAfter(base); m = m.plusMonths(1)) periods.add(m.toString());
        return periods;
    }

    /** Inputs of every budget unit that reported cash in the base month. */
    Map<String, RunwayInput> inputs(YearMonth base, boolean withExtras) {
        return inputs(base, withExtras, null);
    }

    /** {@link #inputs(YearMonth, boolean)} of one unit (null: all): a unit page reads only that unit's figures. */
    private Map<String, RunwayInput> inputs(YearMonth base, boolean withExtras, String unitOrNull) {
        List<String> periods = periodsUpTo(base);
        Map<String, Map<YearMonth, BigDecimal>> known = new HashMap<>();
        if (withExtras) for (ExtraInflows source : extras)
            source.inflowsKnownAt(base).forEach((unit, months) -> months.forEach((m, a) ->
                    known.computeIfAbsent(unit, k -> new HashMap<>()).merge(m, a, BigDecimal::add)));
        if (unitOrNull != null && !regions.isBudgetUnit(unitOrNull)) return Map.of();
        if (unitOrNull != null)
            return inputsFrom(facts.current(periods, List.of(unitOrNull), null), List.of(unitOrNull), base, known);
        List<String> units = regions.budgetUnits().stream().map(FiscalUnit::code).toList();
        return inputsFrom(facts.current(periods, null), units, base, known);
    }

    /** Groups stored figures into runway inputs; a unit without cash in the base month or without demand is left out. */
    public static Map<String, RunwayInput> inputsFrom(List<ResolvedFact> stored, List<String> units, YearMonth base,
                                                     Map<String, Map<YearMonth, BigDecimal>> known) {
        int year = base.getYear();
        Map<String, Map<String, Map<String, BigDecimal>>> byUnit = new HashMap<>();
        for (ResolvedFact f : stored)
            byUnit.computeIfAbsent(f.unitCode(), k -> new HashMap<>()).computeIfAbsent(f.period(), k -> new HashMap<>())
                    .put(f.itemCode(), f.amount());
        Map<String, RunwayInput> inputs = new LinkedHashMap<>();
        for (String code : units) {
            Map<String, Map<String, BigDecimal>> data = byUnit.getOrDefault(code, Map.of());
            Map<String, BigDecimal> annual = data.getOrDefault(String.valueOf(year), Map.of());
            if (!data.getOrDefault(base.toString(), Map.of()).containsKey("cash_balance")) continue;
            if (!hasAll(annual, DEMAND)) continue;
            List<CashMonth> history = history(data, year, base);
            BigDecimal paid = sum(data.get(base.toString()), PAID);
            inputs.put(code, new RunwayInput(code, base, history, sum(annual, DEMAND), paid, known.getOrDefault(code, Map.of())));
        }
        return inputs;
    }

    /** Months with balance, inflow and outflow; 三保 and debt paid in a month are differences of the to-date items. */
    private static List<CashMonth> history(Map<String, Map<String, BigDecimal>> data, int year, YearMonth base) {
        List<CashMonth> out = new ArrayList<>();
        Set<String> cash = new HashSet<>(List.of("cash_balance", "cash_inflow", "cash_outflow"));
        for (YearMonth m = YearMonth.of(year - 1, 1); !m.isAfter(base); m = m.plusMonths(1)) {
            Map<String, BigDecimal> row = data.get(m.toString());
            if (row == null || !row.keySet().containsAll(cash)) continue;
            Map<String, BigDecimal> prev = m.getMonthValue() == 1 ? Map.of() : data.getOrDefault(m.minusMonths(1).toString(), null);
            BigDecimal sanbao = null, debt = null;
            if (prev != null && hasAll(row, PAID) && (prev.isEmpty() || hasAll(prev, PAID)))
                sanbao = sum(row, PAID).subtract(prev.isEmpty() ? BigDecimal.ZERO : sum(prev, PAID));
            if (prev != null && row.containsKey("debt_service_funded") && (prev.isEmpty() || prev.containsKey("debt_service_funded")))
                debt = row.get("debt_service_funded").subtract(prev.getOrDefault("debt_service_funded", BigDecimal.ZERO));
            out.add(new CashMonth(m, row.get("cash_balance"), row.get("cash_inflow"), row.get("cash_outflow"), sanbao, debt));
        }
        return out;
    }

    private static boolean hasAll(Map<String, BigDecimal> row, List<String> items) {
        for (String i : items) if (!row.containsKey(i)) return false;
        return true;
    }

    private static BigDecimal sum(Map<String, BigDecimal> row, List<String> items) {
        BigDecimal s = BigDecimal.ZERO;
        if (row == null) return s;
        for (String i : items) s = s.add(row.getOrDefault(i, BigDecimal.ZERO));
        return s;
    }
}
