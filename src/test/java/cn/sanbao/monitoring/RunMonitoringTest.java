package cn.sanbao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;

/** 运行监测 from the results page: a range of periods with a chosen version, progress, and refusals that change nothing. */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class RunMonitoringTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles(Roles.ANALYST);
    static final RequestPostProcessor LEADER = user("leader").roles(Roles.LEADER);

    @Autowired MockMvc mvc;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired ModelRegistry models;
    @Autowired RunJobRepository jobs;
    @Autowired AuditLog audit;

    @BeforeEach
    void demo() {
        DemoData.ensureLoaded(facts, scoring, results);
    }

    @Test
    void analystRunsARangeOfWeeksWithAChosenVersionAndSeesTheRuns() throws Exception {
        ModelVersion chosen = models.publishedFor(Period.month(2021, 3));
        int before = scoring.runs("2021-W05").size() + scoring.runs("2021-W06").size();
        String location = mvc.perform(post("/monitoring/runs").param("year", "2021").param("type", "WEEK").param("from", "5")
                        .param("to", "6").param("model", String.valueOf(chosen.id())).with(ANALYST).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/monitoring/runs/jobs/");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        RunJobRepository.Job job = waitFor(id);
        assertThat(job.error()).isNull();
        assertThat(job.runs()).extracting(ScoringRun::period).containsExactly("2021-W05", "2021-W06");
        assertThat(scoring.runs("2021-W05").size() + scoring.runs("2021-W06").size()).isEqualTo(before + 2);
        ScoringRun newest = scoring.runs("2021-W06").get(0);
        assertThat(newest.id()).isEqualTo(job.runs().get(1).id());
        assertThat(newest.modelVersionId()).isEqualTo(chosen.id());
        assertThat(newest.startedBy()).isEqualTo("analyst");
        assertThat(audit.recent(5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("SCORING_RUN");
            assertThat(e.detail()).contains("运行 #" + newest.id(), "指定版本");
        });
        mvc.perform(get(location + "/status").with(ANALYST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("全部完成")))
                .andExpect(content().string(containsString("#" + newest.id())))
                .andExpect(content().string(not(containsString("hx-get"))));
        // another user's job is not theirs to watch
        mvc.perform(get(location).with(user("analyst2").roles(Roles.ANALYST))).andExpect(status().isNotFound());
    }

    @Test
    void badRequestsStartNothingAndSayWhy() throws Exception {
        int before = scoring.runs(null).size();
        mvc.perform(post("/monitoring/runs").param("year", "2021").param("type", "MONTH").param("from", "5").param("to", "3")
                        .with(ANALYST).with(csrf()))
                .andExpect(redirectedUrl("/monitoring")).andExpect(flash().attribute("runError", containsString("早于起始期间")));
        mvc.perform(post("/monitoring/runs").param("year", "2021").param("type", "MONTH").param("from", "13")
                        .with(ANALYST).with(csrf()))
                .andExpect(flash().attribute("runError", containsString("月份必须在 1 到 12 之间")));
        ModelVersion draft = models.copyToDraft(models.publishedFor(Period.month(2021, 3)).id(), "analyst");
        mvc.perform(post("/monitoring/runs").param("year", "2021").param("type", "MONTH").param("from", "3")
                        .param("model", String.valueOf(draft.id())).with(ANALYST).with(csrf()))
                .andExpect(flash().attribute("runError", containsString("尚未发布")));
        assertThat(scoring.runs(null)).hasSize(before);
    }

    @Test
    void onlyAnalystsSeeAndUseTheRunButton() throws Exception {
        mvc.perform(get("/monitoring").param("period", "2021-03").with(ANALYST))
                .andExpect(content().string(containsString("id=\"run-form\"")));
        mvc.perform(get("/monitoring").param("period", "2021-03").with(LEADER))
                .andExpect(content().string(not(containsString("id=\"run-form\""))));
        int before = scoring.runs(null).size();
        mvc.perform(post("/monitoring/runs").param("periods", "2021-03").with(LEADER).with(csrf())).andExpect(status().isForbidden());
        assertThat(scoring.runs(null)).hasSize(before);
    }

    RunJobRepository.Job waitFor(long id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            RunJobRepository.Job job = jobs.job(id, "analyst");
            if (job.finished()) return job;
            Thread.sleep(100);
        }
        throw new AssertionError("运行任务 #" + id + " 未在 60 秒内完成");
    }

}
