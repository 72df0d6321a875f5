package cn.sanbao.warnings;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import cn.sanbao.demo.DemoDataGenerator;
import cn.sanbao.demo.DemoFact;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.testsupport.DemoData;

/** Demo year loaded and published once per test context, plus copies of demo months into other years. */
final class WarningsFixture {

    private WarningsFixture() {
    }

    static synchronized void demoPublished(FactRepository facts, ScoringRunService scoring, ResultRepository results,
                                           PublicationRepository publications, WarningsDemo demo) {
        DemoData.ensureLoaded(facts, scoring, results);
        if (publications.latestPublication("2021-12").isEmpty()) demo.publishDemoYear(2021);
    }

    /** Stores the demo year's annual figures and months 1..months under another year and scores those months. */
    static synchronized void copyDemoYear(int year, int months, FactRepository facts, ScoringRunService scoring, ResultRepository results) {
        if (results.latestRun(Period.month(year, months)).isPresent()) return;
        List<FactValue> values = new ArrayList<>();
        for (DemoFact f : new DemoDataGenerator().generate()) {
            Period p = Period.parse(f.period());
            boolean wanted = p.type() == Period.Type.YEAR || p.type() == Period.Type.MONTH && p.code().compareTo("2021-" + String.format("%02d", months)) <= 0;
            if (wanted) values.add(new FactValue(f.unitCode(), f.period().replace("2021", String.valueOf(year)), f.itemCode(), f.amount()));
        }
        facts.createRevision("TEST", "演示数据复制到 " + year, "tester", null, values);
        for (int m = 1; m <= months; m++) scoring.run(Period.month(year, m), "tester", "预警测试");
    }

    static void signIn(String user, String... authorities) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, "x", authorities));
    }

    static void analyst() {
        signIn("analyst", "ROLE_ANALYST");
    }
}
