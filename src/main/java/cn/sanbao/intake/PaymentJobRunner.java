package cn.sanbao.intake;

import cn.sanbao.engine.Period;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Runs payment imports in the background (one at a time: each holds a long transaction) and records
 * the outcome in the job table, which the page polls.
 */
@Service
public class PaymentJobRunner {

    private final PaymentImportService imports;
    private final PaymentJobs jobs;
    private final Rescoring rescoring;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "payment-import");
        t.setDaemon(true);
        return t;
    });

    PaymentJobRunner(PaymentImportService imports, PaymentJobs jobs, Rescoring rescoring) {
        this.imports = imports;
        this.jobs = jobs;
        this.rescoring = rescoring;
    }

    /** Copies the upload to a temporary file and queues it; returns the job id at once. */
    public long start(InputStream upload, String fileName, Period period, String user, Predicate<String> mayReport,
                      boolean rescore) throws IOException {
        Path tmp = Files.createTempFile("sanbao-payment-", fileName.toLowerCase().endsWith(".xlsx") ? ".xlsx" : ".csv");
        try (upload) {
            Files.copy(upload, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        long id = jobs.create(fileName, period.code(), user);
        // the job runs as the user who uploaded it, so what it may do is decided by that user's roles
        executor.submit(DelegatingSecurityContextRunnable.create(() -> run(id, tmp, fileName, period, user, mayReport, rescore), null));
        return id;
    }

    void run(long id, Path file, String fileName, Period period, String user, Predicate<String> mayReport, boolean rescore) {
        try {
            PaymentResult r = imports.importFile(file, fileName, period, user, mayReport, throttled(id));
            if (r.duplicateOf() != null) {
                jobs.finish(id, PaymentJobs.Status.DUPLICATE, r.duplicateOf(), null, r.rows(),
                        "与已导入的数据修订 #" + r.duplicateOf() + " 内容完全相同，未重复保存");
                return;
            }
            String note = "已保存为数据修订 #" + r.revisionId() + "，" + r.rows() + " 行；未分类代码组合 " + r.unclassified().size() + " 个";
            if (rescore) {
                ImportResult scored = rescoring.after(new ImportResult(r.revisionId(), null, period.code(), 0, null, null, null),
                        period, user, true);
                note += "；" + scored.scoringNote();
            }
            jobs.finish(id, PaymentJobs.Status.DONE, r.revisionId(), null, r.rows(), note);
        } catch (IntakeRejectedException e) {
            jobs.finish(id, PaymentJobs.Status.REJECTED, null, null, 0, "数据未保存，共 " + e.findings().size() + " 处错误（见错误清单）",
                    e.findings());
        } catch (RuntimeException e) {
            jobs.finish(id, PaymentJobs.Status.FAILED, null, null, 0, "导入失败，未保存任何数据：" + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }

    /** Progress goes to the job table at most every 100,000 rows or on a new phase: each write is its own transaction. */
    private PaymentImportService.Progress throttled(long id) {
        String[] phase = {null};
        long[] written = {0};
        return (p, rows) -> {
            if (!p.equals(phase[0]) || rows - written[0] >= PaymentImportService.PROGRESS_EVERY) {
                jobs.progress(id, p, rows);
                phase[0] = p;
                written[0] = rows;
            }
        };
    }

    @PreDestroy
    void stop() { executor.shutdownNow(); }
}
