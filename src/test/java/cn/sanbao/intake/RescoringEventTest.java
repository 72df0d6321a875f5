package cn.sanbao.intake;

import cn.sanbao.testsupport.BothDatabases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.sanbao.facts.FactRevisionStored;
import cn.sanbao.monitoring.ScoringRun;
import cn.sanbao.monitoring.ScoringRunService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Import with 重新评分 through the FactRevisionStored event (docs/architecture.md, 事件), on both databases.
 * Periods 2093-* are this class's own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class RescoringEventTest {

    @Autowired MockMvc mvc;
    @Autowired ScoringRunService scoring;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionOperations tx;
    @Autowired JdbcClient jdbc;

    @Test
    void importingWithRescoreProducesExactlyOneRunEvenWhenTheEventIsDeliveredAgain() throws Exception {
        long revision = upload("2093-01", IntakeFileTest.ANALYST);
        List<ScoringRun> runs = awaitRuns("2093-01");
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.note()).isEqualTo("数据修订 #" + revision + " 导入后重新评分");
            assertThat(r.startedBy()).isEqualTo("analyst");
        });
        assertThat(jdbc.sql("select run_id from rescoring_request where revision_id = ?").param(revision).query(Long.class).single())
                .isEqualTo(runs.get(0).id());

        // as after a restart that republishes it, or a second instance: the request row lets one run exist
        tx.executeWithoutResult(s -> events.publishEvent(new FactRevisionStored(revision, "FILE", "analyst", "2093-01")));
        awaitNoOutstandingPublications();
        assertThat(scoring.runs("2093-01")).hasSize(1);

        // the analyst sees the outcome on the 监测结果 page (the import itself only said it was submitted)
        String page = mvc.perform(get("/monitoring").with(IntakeFileTest.ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("导入后重新评分").contains("#" + revision).contains("2093年1月")
                .contains("已运行：监测运行 #" + runs.get(0).id());
        String county = mvc.perform(get("/monitoring").with(IntakeFileTest.XIJI)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(county).doesNotContain("导入后重新评分");
    }

    @Test
    void aRefusedRunIsRecordedForTheAnalystAndTheImportStays() throws Exception {
        long revision = upload("2093-03", IntakeFileTest.ANALYST);
        awaitNoOutstandingPublications();
        // a week period the model has no run for would do the same; here the period is asked for as a year by hand
        tx.executeWithoutResult(s -> events.publishEvent(new FactRevisionStored(revision + 100_000, "FILE", "analyst", "2093")));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from rescoring_request where revision_id = ?")
                .param(revision + 100_000).query(Long.class).single() == 1);
        assertThat(jdbc.sql("select failure from rescoring_request where revision_id = ?").param(revision + 100_000)
                .query(String.class).single()).contains("不能对整年打分");
        awaitNoOutstandingPublications();
        assertThat(scoring.runs("2093")).isEmpty();
    }

    private long upload(String period, org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
        byte[] file = IntakeBadFiles.workbook(s -> s.getRow(1).getCell(1).setCellValue(period));
        String body = mvc.perform(multipart("/api/intake/files").with(csrf()).file(new MockMultipartFile("file", period + ".xlsx",
                        IntakeFileTest.XLSX, file)).param("period", period).param("rescore", "true").with(who))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scoringRunId").doesNotExist())
                .andExpect(jsonPath("$.scoringNote", containsString("已提交重新评分")))
                .andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s).*\"revisionId\"\\s*:\\s*(\\d+).*", "$1"));
    }

    private List<ScoringRun> awaitRuns(String period) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !scoring.runs(period).isEmpty());
        awaitNoOutstandingPublications();
        return scoring.runs(period);
    }

    /** Completed publications are deleted (completion-mode=delete): none left for this class's periods means all finished. */
    private void awaitNoOutstandingPublications() {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from event_publication "
                + "where serialized_event like '%2093%'").query(Long.class).single() == 0);
    }
}
