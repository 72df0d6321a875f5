package cn.sanbao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;

/**
 * The operations endpoints (docs/operations.md): the load balancer's probes are open; health details, metrics and
 * the Prometheus page only for the role 运维监控员, never for anonymous callers or a county user.
 */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class OperationsAccessTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    static final String PASSWORD = "Tallow-Bridge-77";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;

    String account(String role, String scope) {
        String name = "o" + System.nanoTime() % 100000 + "x" + SEQ.incrementAndGet();
        accounts.createInitial(name, "测试用户", PASSWORD, role, scope, false);
        return name;
    }

    @Test
    void probesAreOpenAndReportDatabaseMigrationsDemoAndOutbox() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist()); // anonymous: no details
        String ops = account(Roles.OPERATIONS, null);
        mvc.perform(get("/actuator/health/readiness").with(httpBasic(ops, PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.flyway.details.pending").value(0))
                .andExpect(jsonPath("$.components.demo.status").value("UP"))
                .andExpect(jsonPath("$.components.outbox.details.backlog").isNumber());
    }

    @Test
    void metricsAreRefusedToAnonymousAndToACountyUser() throws Exception {
        int anonymous = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus();
        assertThat(anonymous).isIn(401, 302);
        String county = account(Roles.LOCAL, "640422");
        for (String path : new String[]{"/actuator/prometheus", "/actuator/metrics", "/actuator/health"})
            mvc.perform(get(path).with(httpBasic(county, PASSWORD))).andExpect(
                    path.equals("/actuator/health") ? status().isOk() : status().isForbidden());
        mvc.perform(get("/actuator/health").with(httpBasic(county, PASSWORD))).andExpect(jsonPath("$.components").doesNotExist());
        String analyst = account(Roles.ANALYST, null);
        mvc.perform(get("/actuator/prometheus").with(httpBasic(analyst, PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void theOperationsRoleReadsPrometheusMetricsOfSignInsScoringAndTheOutbox() throws Exception {
        String ops = account(Roles.OPERATIONS, null);
        mvc.perform(get("/actuator/health").with(httpBasic("nobody-" + SEQ.incrementAndGet(), "wrong-password")));
        DemoData.ensureLoaded(facts, scoring, results);
        scoring.run(Period.parse("2021-03"), "analyst", "运维指标测试");
        String text = mvc.perform(get("/actuator/prometheus").with(httpBasic(ops, PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(text).contains("sanbao_logins_total{", "outcome=\"success\"", "outcome=\"failure\"")
                .contains("sanbao_outbox_backlog{", "channel=\"SMS\"", "sanbao_outbox_failed{")
                .contains("sanbao_scoring_runs_seconds_count{")
                .contains("http_server_requests_seconds_count{");
    }
}
