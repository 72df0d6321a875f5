package cn.sanbao.testsupport;

import cn.sanbao.demo.DemoDataLoader;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;

/**
 * Loads the demo year into a test context's database once (contexts are shared between test classes,
 * so the first class to need it loads it, exactly as the application does on its first start).
 */
public final class DemoData {

    private DemoData() {
    }

    public static synchronized void ensureLoaded(FactRepository facts, ScoringRunService scoring, ResultRepository results) {
        if (results.latestRun(Period.month(2021, 12)).isPresent()) return;
        new DemoDataLoader(facts, scoring, null).load();
    }
}
