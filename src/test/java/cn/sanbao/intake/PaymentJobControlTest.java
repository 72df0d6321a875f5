package cn.sanbao.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.BothDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Payment import jobs under control: cancelled by an analyst, stopped by their time limit, settled after a
 * crash, and the application answering while a hostile file is refused. Years 2062–2064 belong to this class.
 */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class PaymentJobControlTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles(Roles.ANALYST);
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_" + Roles.LOCAL, () -> Roles.SCOPE_PREFIX + "640422");

    @Autowired MockMvc mvc;
    @Autowired PaymentJobRunner runner;
    @Autowired PaymentJobRepository jobs;
    @Autowired PaymentJobRecovery recovery;
    @Autowired PaymentImportService imports;
    @Autowired Rescoring rescoring;
    @Autowired AuditLog audit;
    @Autowired FactRepository facts;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    /** A January file of the given size (January needs no previous month). */
    static byte[] payments(String year, int rows) {
        StringBuilder sb = new StringBuilder(PaymentTest.HEADER).append('\n');
        for (int i = 0; i < rows; i++) sb.append("640422,").append(year).append("-01-05,10.00,2010101,30101,P-").append(i).append(",县财政局\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    PaymentJobRepository.Job waitFor(long id) throws InterruptedException {
        PaymentJobRepository.Job job = jobs.find(id);
        for (int i = 0; i < 1200 && !job.finished(); i++) {
            Thread.sleep(100);
            job = jobs.find(id);
        }
        return job;
    }

    @Test
    void anAnalystCancelsAQueuedImportFromTheJobListAndNothingIsStored() throws Exception {
        int before = facts.revisions().size();
        long busy = runner.start(new ByteArrayInputStream(payments("2062", 150_000)), "大文件.csv", Period.parse("2062-01"),
                "analyst", u -> true, false);
        long queued = runner.start(new ByteArrayInputStream(payments("2063", 10)), "排队.csv", Period.parse("2063-01"),
                "analyst", u -> true, false);
        String list = mvc.perform(get("/intake/payments").with(ANALYST)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("/intake/payments/jobs/" + queued + "/cancel", "取消导入");
        mvc.perform(post("/intake/payments/jobs/" + queued + "/cancel").param("reason", "文件传错了").with(XIJI).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/intake/payments/jobs/" + queued + "/cancel").param("reason", "文件传错了").with(ANALYST).with(csrf()))
                .andExpect(status().is3xxRedirection());
        PaymentJobRepository.Job cancelled = waitFor(queued);
        assertThat(cancelled.status()).isEqualTo(PaymentJobRepository.Status.CANCELLED);
        assertThat(cancelled.message()).contains("由 analyst 取消：文件传错了", "未保存任何数据");
        String page = mvc.perform(get("/intake/payments/jobs/" + queued).with(ANALYST)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("已取消", "文件传错了");
        runner.cancel(busy, "analyst", "测试结束");
        PaymentJobRepository.Job big = waitFor(busy);
        assertThat(big.status()).isIn(PaymentJobRepository.Status.CANCELLED, PaymentJobRepository.Status.DONE);
        if (big.status() == PaymentJobRepository.Status.CANCELLED) {
            assertThat(facts.revisions()).hasSize(before);
            assertThat(jdbc.sql("select count(*) from payment_detail where pay_date between :a and :b")
                    .param("a", java.sql.Date.valueOf("2062-01-01")).param("b", java.sql.Date.valueOf("2062-12-31"))
                    .query(Long.class).single()).isZero();
        }
        assertThat(audit.recent(50)).anyMatch(e -> e.action().equals("INTAKE_PAYMENT_CANCEL") && e.detail().contains("文件传错了"));
    }

    @Test
    void anImportOverItsTimeLimitEndsCancelledWithTheReasonAndNothingIsStored() throws Exception {
        PaymentJobRunner limited = new PaymentJobRunner(imports, jobs, rescoring, audit, Duration.ofMillis(50), Duration.ofSeconds(15));
        try {
            int before = facts.revisions().size();
            long id = limited.start(new ByteArrayInputStream(payments("2064", 400_000)), "超时.csv", Period.parse("2064-01"),
                    "analyst", u -> true, false);
            PaymentJobRepository.Job job = waitFor(id);
            assertThat(job.status()).as(job.message()).isEqualTo(PaymentJobRepository.Status.CANCELLED);
            assertThat(job.message()).contains("超过导入时间上限", "未保存任何数据");
            assertThat(facts.revisions()).hasSize(before);
        } finally {
            limited.stop();
        }
    }

    @Test
    void leftoversOfACrashAreSettledAtStartAndTemporaryFilesRemoved() throws Exception {
        long orphan = jobs.create("崩溃.csv", "2062-02", "analyst");
        long committed = jobs.create("已入库.csv", "2062-03", "analyst");
        long rev = facts.createRevision("PAYMENT", "支付明细 已入库.csv", "analyst", "crash-" + System.nanoTime(),
                List.of(new cn.sanbao.facts.FactValue("640422", "2062-03", "paid_wage", new java.math.BigDecimal("10.00"))));
        jdbc.sql("insert into payment_import_revision (import_id, revision_id) values (:i, :r)").param("i", committed).param("r", rev).update();
        jdbc.sql("update payment_import set rows_done = 42, started_at = :t where id in (:a, :b)")
                .param("t", Timestamp.valueOf(LocalDateTime.now().minusHours(3))).param("a", orphan).param("b", committed).update();

        recovery.reconcile();

        PaymentJobRepository.Job failed = jobs.find(orphan);
        assertThat(failed.status()).isEqualTo(PaymentJobRepository.Status.FAILED);
        assertThat(failed.message()).isEqualTo("服务重启，导入未完成，请重新上传");
        PaymentJobRepository.Job done = jobs.find(committed);
        assertThat(done.status()).isEqualTo(PaymentJobRepository.Status.DONE);
        assertThat(done.revisionId()).isEqualTo(rev);
        assertThat(done.message()).contains("#" + rev);

        Instant started = Instant.now();
        Path oldUpload = Files.writeString(dir.resolve(PaymentJobRunner.TEMP_PREFIX + "1.csv"), "x");
        Path oldSpill = Files.createDirectory(dir.resolve(PaymentJobRunner.TEMP_PREFIX + "spill-1"));
        Files.writeString(oldSpill.resolve("group-1.copy"), "y");
        for (Path p : List.of(oldUpload, oldSpill.resolve("group-1.copy"), oldSpill)) {
            Files.setLastModifiedTime(p, FileTime.from(started.minus(Duration.ofHours(1))));
        }
        Path current = Files.writeString(dir.resolve(PaymentJobRunner.TEMP_PREFIX + "2.csv"), "z");
        Files.setLastModifiedTime(current, FileTime.from(started.plusSeconds(5)));
        Path foreign = Files.writeString(dir.resolve("other-app.tmp"), "w");
        Files.setLastModifiedTime(foreign, FileTime.from(started.minus(Duration.ofHours(1))));

        assertThat(PaymentJobRecovery.removeLeftovers(dir, started)).isEqualTo(2);
        assertThat(oldUpload).doesNotExist();
        assertThat(oldSpill).doesNotExist();
        assertThat(current).exists();
        assertThat(foreign).exists();

        // another instance on the same host started its import ten minutes before this one started
        Instant thisStart = Instant.parse("2026-11-30T10:00:00Z");
        Instant cutoff = PaymentJobRecovery.leftoverCutoff(thisStart, thisStart.plusSeconds(30), Duration.ofHours(2), Duration.ofMinutes(1));
        assertThat(cutoff).isEqualTo(thisStart.minus(Duration.ofHours(2)).minus(Duration.ofMinutes(1)).plusSeconds(30));
        Path othersUpload = Files.writeString(dir.resolve(PaymentJobRunner.TEMP_PREFIX + "3.csv"), "v");
        Files.setLastModifiedTime(othersUpload, FileTime.from(thisStart.minus(Duration.ofMinutes(10))));
        assertThat(PaymentJobRecovery.removeLeftovers(dir, cutoff)).isZero();
        assertThat(othersUpload).exists();
    }

    @Test
    void theDashboardAnswersWhileAHostileFileIsRefused() throws Exception {
        mvc.perform(get("/dashboard").with(ANALYST)).andExpect(status().isOk()); // warm: templates compiled, caches filled
        byte[] hostile = HostileFiles.xlsx(IntakeBadFiles.PERIOD, "xl/worksheets/sheet1.xml",
                HostileFiles.beforeSheetDataEnd(HostileFiles.rows(10, 4_000, 600)));
        CompletableFuture<Integer> upload = CompletableFuture.supplyAsync(() -> {
            try {
                return mvc.perform(multipart("/api/intake/files").file(new MockMultipartFile("file", "炸弹.xlsx", "application/octet-stream", hostile))
                        .param("period", IntakeBadFiles.PERIOD).with(ANALYST).with(csrf())).andReturn().getResponse().getStatus();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long payment = runner.start(new ByteArrayInputStream(("单位代码 unit_code,支付日期 pay_date,金额（元） amount,支出功能分类 function_code,经济分类 economic_code\n"
                + "640422,2062-04-01," + "9".repeat(2_000_000) + ",2010101,30101\n").getBytes(StandardCharsets.UTF_8)),
                "超长金额.csv", Period.parse("2062-04"), "analyst", u -> true, false);
        long start = System.currentTimeMillis();
        mvc.perform(get("/dashboard").with(ANALYST)).andExpect(status().isOk());
        long took = System.currentTimeMillis() - start;
        // a loose safety net on a shared 2-core machine, not a benchmark: the page must not wait for the imports
        assertThat(took).isLessThan(5_000);
        assertThat(upload.get()).isEqualTo(400);
        PaymentJobRepository.Job job = waitFor(payment);
        assertThat(job.status()).isEqualTo(PaymentJobRepository.Status.REJECTED);
        assertThat(job.problems()).extracting(Finding::reason).anyMatch(r -> r.contains("此行超过 10000 个字符"));
    }
}
