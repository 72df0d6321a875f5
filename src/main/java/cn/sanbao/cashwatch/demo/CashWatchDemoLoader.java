package cn.sanbao.cashwatch.demo;

import cn.sanbao.cashwatch.DailyBalance;
import cn.sanbao.cashwatch.DailyCashWatch;
import cn.sanbao.cashwatch.store.CashRepository;
import cn.sanbao.cashwatch.level.LevelRule;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.kernel.Period;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Demo mode, first start, after the demo facts (10): daily balances from 30 September to 31 December of the demo year
 * for every budget unit with monthly cash balances, consistent with them, and three units dipping below the floor
 * (西吉县 for 7 days in a row in December). Loaded once, when no daily balance is stored.
 */
@Component
@Order(45)
@ConditionalOnProperty(name = "sanbao.demo.enabled", havingValue = "true")
public class CashWatchDemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CashWatchDemoLoader.class);
    static final String LABEL = "演示数据：库款日报";
    /** Units that dip below the floor, how many days in a row, and the month (day 13 onwards). */
    record Dip(String unitCode, int days, int month) {
    }
    static final List<Dip> DIPS = List.of(new Dip("640422", 7, 12), new Dip("640181", 3, 11), new Dip("640205", 2, 10));

    private final DailyCashWatch watch;
    private final CashRepository repository;
    private final FactRepository facts;
    private final RegionTree regions;

    public CashWatchDemoLoader(DailyCashWatch watch, CashRepository repository, FactRepository facts, RegionTree regions) {
        this.watch = watch;
        this.repository = repository;
        this.facts = facts;
        this.regions = regions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!repository.isEmpty()) return;
        load();
    }

    /** Stores the demo balances as one revision; 0 rows when the demo facts have no monthly cash balance. */
    public int load() {
        Integer year = demoYear();
        if (year == null) return 0;
        LocalDate from = LocalDate.of(year, 9, 30), to = LocalDate.of(year, 12, 31);
        List<String> periods = new ArrayList<>(List.of(String.valueOf(year)));
        for (int m = 9; m <= 12; m++) periods.add(Period.month(year, m).code());
        for (int w = 1; w <= Period.weeksIn(year); w++) {
            Period p = Period.week(year, w);
            if (!p.endDate().isBefore(from) && !p.endDate().isAfter(to)) periods.add(p.code());
        }
        Map<String, Map<LocalDate, BigDecimal>> months = new HashMap<>(), weeks = new HashMap<>();
        Map<String, BigDecimal> need = new HashMap<>();
        List<String> needItems = Pillar.demandItems(Pillar.SANBAO);
        for (ResolvedFact f : facts.current(periods, null)) {
            if (needItems.contains(f.itemCode())) need.merge(f.unitCode(), f.amount(), BigDecimal::add);
            if (!f.itemCode().equals("cash_balance")) continue;
            Period p = Period.parse(f.period());
            (p.type() == Period.Type.MONTH ? months : weeks).computeIfAbsent(f.unitCode(), k -> new HashMap<>()).put(p.endDate(), f.amount());
        }
        Map<String, Dip> dips = new LinkedHashMap<>();
        for (Dip d : DIPS) dips.put(d.unitCode(), d);
        List<DailyBalance> rows = new ArrayList<>();
        for (FiscalUnit u : regions.budgetUnits()) {
            Map<LocalDate, BigDecimal> m = months.get(u.code());
            if (m == null) continue;
            Set<LocalDate> dipDays = new HashSet<>();
            BigDecimal dipBalance = null;
            Dip dip = dips.get(u.code());
            BigDecimal monthly = LevelRule.monthlyNeed(need.get(u.code()));
            if (dip != null && monthly != null) {
                for (int i = 0; i < dip.days(); i++) dipDays.add(LocalDate.of(year, dip.month(), 13 + i));
                // half the floor: clearly below it
                dipBalance = monthly.multiply(watch.band().low()).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
            }
            rows.addAll(DemoBalances.of(u.code(), DemoBalances.known(m, weeks.getOrDefault(u.code(), Map.of())), from, to,
                    dipDays, dipBalance));
        }
        if (rows.isEmpty()) return 0;
        var result = watch.store("demo", LABEL, rows, "demo");
        log.info("库款日监测演示数据已加载：{} 行，{} 至 {}", result.rows(), result.firstDay(), result.lastDay());
        return result.rows();
    }

    /** The latest year, within ten years back, whose months have cash balances. */
    private Integer demoYear() {
        int now = LocalDate.now().getYear();
        for (int y = now; y > now - 10; y--) {
            List<String> months = new ArrayList<>();
            for (int m = 1; m <= 12; m++) months.add(Period.month(y, m).code());
            if (facts.current(months, null).stream().anyMatch(f -> f.itemCode().equals("cash_balance"))) return y;
        }
        return null;
    }
}
