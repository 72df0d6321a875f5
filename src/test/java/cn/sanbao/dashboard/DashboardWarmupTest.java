package cn.sanbao.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.sanbao.kernel.Period;
import cn.sanbao.security.Roles;
import cn.sanbao.shared.warmup.Warmups;
import cn.sanbao.testsupport.BothDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** A fresh instance is warm before it takes users, and users arriving together load a month's rankings once. */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class DashboardWarmupTest {

    @Autowired MockMvc mvc;
    @Autowired DashboardService dashboard;
    @Autowired Warmups warmups;
    @Autowired cn.sanbao.facts.FactRepository facts;
    @Autowired cn.sanbao.monitoring.ScoringRunService scoring;
    @Autowired cn.sanbao.monitoring.ResultRepository results;

    @org.junit.jupiter.api.BeforeEach
    void demo() {
        cn.sanbao.testsupport.DemoData.ensureLoaded(facts, scoring, results);
    }

    @Test
    void theStartUpWarmUpFillsWhatTheFirstDashboardNeeds() throws Exception {
        assertThat(warmups.done()).as("the warm-up ran when the application became ready").isTrue();
        dashboard.forget(); // as a freshly started instance
        warmups.warmAll();
        long warm = dashboard.rankingLoads();
        mvc.perform(get("/dashboard").with(user("analyst").roles(Roles.ANALYST))).andExpect(status().isOk());
        mvc.perform(get("/api/dashboard/map").with(user("analyst").roles(Roles.ANALYST))).andExpect(status().isOk());
        assertThat(dashboard.rankingLoads()).as("the first views after the warm-up read no rankings").isEqualTo(warm);
    }

    @Test
    void usersArrivingTogetherAtAColdCacheLoadTheRankingsOnce() throws Exception {
        Period p = dashboard.defaultPeriod().orElseThrow();
        dashboard.forget();
        long before = dashboard.rankingLoads();
        ExecutorService users = Executors.newFixedThreadPool(8);
        try {
            List<Future<DashboardData>> views = new ArrayList<>();
            for (int i = 0; i < 8; i++) views.add(users.submit(() -> dashboard.build(p, u -> true)));
            for (Future<DashboardData> v : views) assertThat(v.get().ranking()).isNotEmpty();
        } finally {
            users.shutdown();
        }
        assertThat(dashboard.rankingLoads() - before).as("one load, the others waited for it").isEqualTo(1);
    }
}
