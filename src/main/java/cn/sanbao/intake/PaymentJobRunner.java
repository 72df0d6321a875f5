package cn.sanbao.intake;

import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Runs payment imports in the background (one at a time: each holds a long transaction) and records
 * the outcome in the job table, which the page polls. A job may be cancelled by an analyst and is
 * cancelled by itself after the time limit, so one file can never hold the queue forever; cancelling is
 * cooperative (the import checks every thousand rows and every written batch) and rolls everything back.
 */
@Service
public class PaymentJobRunner {

    /** Prefix of every temporary file and spill folder of payment imports (start-up recovery removes leftovers). */
    static final String TEMP_PREFIX = "sanbao-payment-";

    private final PaymentImportService imports;
    private final PaymentJobRepository jobs;
    private final Rescoring rescoring;
    private final AuditLog audit;
    private final Duration timeLimit;
    private final Map<Long, Active> active = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "payment-import");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "payment-import-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** A queued or running job: its temporary file, whether it began, and why it is to stop (null: it is not). */
    private record Active(Path file, AtomicBoolean started, AtomicReference<String> stop) {
    }

    /** The longest an import may run before it is cancelled. */
    Duration timeLimit() {
        return timeLimit;
    }

    PaymentJobRunner(PaymentImportService imports, PaymentJobRepository jobs, Rescoring rescoring, AuditLog audit,
                     @Value("${sanbao.intake.payment-job-time-limit:PT2H}") Duration timeLimit,
                     @Value("${sanbao.intake.payment-job-heartbeat:PT15S}") Duration heartbeat) {
        this.imports = imports;
        this.jobs = jobs;
        this.rescoring = rescoring;
        this.audit = audit;
        this.timeLimit = timeLimit;
        // other instances settle a job as abandoned only once this stops (PaymentJobRecovery)
        watchdog.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void heartbeat() {
        try {
            jobs.heartbeat(active.keySet());
        } catch (RuntimeException e) { // the database may be briefly away; the next beat tries again
            org.slf4j.LoggerFactory.getLogger(PaymentJobRunner.class).warn("Payment job heartbeat failed: {}", e.toString());
        }
    }

    /** Copies the upload to a temporary file and queues it; returns the job id at once. */
    public long start(InputStream upload, String fileName, Period period, String user, Predicate<String> mayReport,
                      boolean rescore) throws IOException {
        Path tmp = Files.createTempFile(TEMP_PREFIX, fileName.toLowerCase().endsWith(".xlsx") ? ".xlsx" : ".csv");
        try (upload) {
            Files.copy(upload, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        long id = jobs.create(fileName, period.code(), user);
        active.put(id, new Active(tmp, new AtomicBoolean(), new AtomicReference<>()));
        // the job runs as the user who uploaded it, so what it may do is decided by that user's roles
        executor.submit(DelegatingSecurityContextRunnable.create(() -> run(id, tmp, fileName, period, user, mayReport, rescore), null));
        return id;
    }

    /**
     * Asks a queued or running job to stop; a queued one ends at once, a running one at its next check.
     * @return false when the job is not queued or running (any more)
     */
    public boolean cancel(long id, String user, String reason) {
        Active a = active.get(id);
        if (a == null) return false;
        String why = "由 " + user + " 取消" + (reason == null || reason.isBlank() ? "" : "：" + FileImportService.cut(reason.strip(), 500));
        if (!a.stop().compareAndSet(null, why)) return false;
        audit.record(user, "INTAKE_PAYMENT_CANCEL", "payment-import:" + id, why);
        if (a.started().compareAndSet(false, true)) { // never began: end it here, run() will see started and skip
            endCancelled(id, why);
            active.remove(id);
            deleteQuietly(a.file());
        }
        return true;
    }

    /** Ids of jobs this process is running or has queued (start-up recovery leaves them alone). */
    Set<Long> activeIds() { return Set.copyOf(active.keySet()); }

    void run(long id, Path file, String fileName, Period period, String user, Predicate<String> mayReport, boolean rescore) {
        Active a = active.computeIfAbsent(id, k -> new Active(file, new AtomicBoolean(), new AtomicReference<>()));
        if (!a.started().compareAndSet(false, true)) return; // cancelled while queued
        ScheduledFuture<?> limit = watchdog.schedule(() -> a.stop().compareAndSet(null,
                "超过导入时间上限 " + describe(timeLimit) + "，系统自动取消"), timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            Rescoring.Request scoring = rescoring.request(period, rescore);
            PaymentResult r = imports.importFile(file, fileName, period, user, mayReport, progress(id, a), scoring.period());
            if (r.duplicateOf() != null) {
                jobs.finish(id, PaymentJobRepository.Status.DUPLICATE, r.duplicateOf(), null, r.rows(),
                        "与已导入的数据修订 #" + r.duplicateOf() + " 内容完全相同，未重复保存");
                return;
            }
            String note = "已保存为数据修订 #" + r.revisionId() + "，" + r.rows() + " 行；未分类代码组合 " + r.unclassified().size() + " 个";
            ImportResult scored = rescoring.after(new ImportResult(r.revisionId(), null, period.code(), 0, null, null, null), scoring);
            if (scored.scoringNote() != null) note += "；" + scored.scoringNote();
            jobs.finish(id, PaymentJobRepository.Status.DONE, r.revisionId(), null, r.rows(), note);
        } catch (IntakeRejectedException e) {
            jobs.finish(id, PaymentJobRepository.Status.REJECTED, null, null, 0, "数据未保存，共 " + e.count() + "错误（见错误清单）",
                    e.findings());
        } catch (RuntimeException e) {
            if (a.stop().get() != null) endCancelled(id, a.stop().get());
            else jobs.finish(id, PaymentJobRepository.Status.FAILED, null, null, 0, "导入失败，未保存任何数据：" + e.getMessage());
        } finally {
            limit.cancel(false);
            active.remove(id);
            deleteQuietly(file);
        }
    }

    private void endCancelled(long id, String why) {
        jobs.finish(id, PaymentJobRepository.Status.CANCELLED, null, null, 0, "已取消（" + why + "），未保存任何数据");
    }

    static String describe(Duration d) {
        return d.toMinutes() >= 1 ? d.toMinutes() + " 分钟" : d.toSeconds() + " 秒";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // start-up recovery removes what is left
        }
    }

    /**
     * Progress goes to the job table at most every 100,000 rows or on a new phase (each write is its own
     * transaction); every call also checks for cancellation.
     */
    private PaymentImportService.Progress progress(long id, Active a) {
        return new PaymentImportService.Progress() {
            private String phase;
            private long written;

            @Override
            public void update(String p, long rows) {
                check();
                if (!p.equals(phase) || rows - written >= PaymentImportService.PROGRESS_EVERY) {
                    jobs.progress(id, p, rows);
                    phase = p;
                    written = rows;
                }
            }

            @Override
            public void check() {
                String why = a.stop().get();
                if (why != null) throw new ImportCancelledException(why);
            }

            @Override
            public void revisionCreated(long revision) {
                jobs.linkRevision(id, revision);
            }
        };
    }

    @PreDestroy
    void stop() {
        active.values().forEach(a -> a.stop().compareAndSet(null, "服务停止"));
        executor.shutdownNow();
        watchdog.shutdownNow();
    }
}
