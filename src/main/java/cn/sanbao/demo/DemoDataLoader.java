package cn.sanbao.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.shared.scheduling.ClusterOnce;

/**
 * On the first start of an empty database (demo mode only) stores the generated demo year, one
 * revision per period as if each had been imported, and scores every month and week.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "sanbao.demo.enabled", havingValue = "true")
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    public static final String ACTOR = "demo";

    /** Lock shared by the demo loaders: two instances starting on one empty database load the demo once. */
    static final String LOCK = "demo-load";
    static final Duration LOCK_AT_MOST = Duration.ofMinutes(30);

    private final FactRepository facts;
    private final ScoringRunService scoring;
    private final ClusterOnce once;

    /** {@code once} may be null when only {@link #load()} is called (tests filling their own database). */
    public DemoDataLoader(FactRepository facts, ScoringRunService scoring, ClusterOnce once) {
        this.facts = facts;
        this.scoring = scoring;
        this.once = once;
    }

    @Override
    public void run(ApplicationArguments args) {
        // decided under the lock: an instance that waited for another's load finds the data and skips
        once.run(LOCK, LOCK_AT_MOST, () -> {
            if (facts.latestRevisionId() > 0) {
                log.info("数据库中已有数据（或另一实例已加载演示数据），不再加载演示数据");
                return;
            }
            load();
        });
    }

    /** Stores and scores the demo year; returns the number of facts stored. */
    public int load() {
        long start = System.nanoTime();
        List<DemoFact> all = new DemoDataGenerator().generate();
        Map<String, List<FactValue>> byPeriod = new LinkedHashMap<>();
        for (DemoFact f : all)
            byPeriod.computeIfAbsent(f.period(), k -> new ArrayList<>())
                    .add(new FactValue(f.unitCode(), f.period(), f.itemCode(), f.amount()));
        List<Period> periods = byPeriod.keySet().stream().map(Period::parse).sorted().toList();
        for (Period p : periods.stream().filter(p -> p.type() == Period.Type.YEAR).toList())
            store(p, byPeriod);
        for (Period p : periods.stream().filter(p -> p.type() != Period.Type.YEAR).toList())
            store(p, byPeriod);
        for (Period p : periods) {
            if (p.type() != Period.Type.YEAR) scoring.run(p, ACTOR, "演示数据首次加载");
        }
        log.info("演示数据已加载：{} 条数据，{} 个期间，用时 {} 毫秒", all.size(), periods.size(),
                (System.nanoTime() - start) / 1_000_000);
        return all.size();
    }

    private void store(Period p, Map<String, List<FactValue>> byPeriod) {
        facts.createRevision("DEMO", "演示数据 " + p.label(), ACTOR, null, byPeriod.get(p.code()));
    }
}
