package cn.sanbao.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * After a crash (kill -9, power loss) payment jobs would stay RUNNING forever and their temporary files
 * stay on disk. On start, and every minute on one instance (another instance may have died): a job whose
 * instance stopped renewing its heartbeat is settled: completed with its revision if that committed (so nobody
 * uploads it again), otherwise failed with a reason the user can act on. A job another live instance runs is
 * left alone. On start, temporary files and spill folders older than this process and older than any import may
 * run are removed, so instances sharing a temporary folder do not delete each other's running uploads.
 */
@Component
class PaymentJobRecovery {

    static final String RESTARTED = "服务重启，导入未完成，请重新上传";
    private static final Logger log = LoggerFactory.getLogger(PaymentJobRecovery.class);

    private final PaymentJobRepository jobs;
    private final PaymentJobRunner runner;
    private final Duration stale;
    private final Clock clock;

    PaymentJobRecovery(PaymentJobRepository jobs, PaymentJobRunner runner,
                       @Value("${sanbao.intake.payment-job-stale:PT1M}") Duration stale, ObjectProvider<Clock> clock) {
        this.jobs = jobs;
        this.runner = runner;
        this.stale = stale;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** Settles the jobs of an instance that died while this one runs on. */
    @Scheduled(fixedDelayString = "${sanbao.intake.payment-job-recovery-interval:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "payment-job-recovery", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5S")
    public void settleAbandoned() {
        reconcile();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        reconcile();
        removeLeftovers(Path.of(System.getProperty("java.io.tmpdir")), leftoverCutoff(
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()), clock.instant(), runner.timeLimit(), stale));
    }

    /**
     * Files older than this process may still be read by another instance sharing the temporary folder; only
     * files older than the longest an import may run (plus the heartbeat window) are certainly left over.
     */
    static Instant leftoverCutoff(Instant processStart, Instant now, Duration timeLimit, Duration stale) {
        Instant noImportThatOld = now.minus(timeLimit).minus(stale);
        return noImportThatOld.isBefore(processStart) ? noImportThatOld : processStart;
    }

    /** @return how many jobs were settled */
    int reconcile() {
        Set<Long> mine = runner.activeIds();
        int settled = 0;
        for (long id : jobs.abandoned(LocalDateTime.now(clock).minus(stale))) {
            if (mine.contains(id)) continue;
            Optional<Long> revision = jobs.committedRevision(id);
            if (revision.isPresent()) {
                jobs.finish(id, PaymentJobRepository.Status.DONE, revision.get(), null, jobs.find(id).rowsDone(),
                        "已保存为数据修订 #" + revision.get() + "（服务重启前已完成入库，重启后确认）");
            } else {
                jobs.finish(id, PaymentJobRepository.Status.FAILED, null, null, 0, RESTARTED);
            }
            settled++;
        }
        if (settled > 0) log.info("Settled {} payment import jobs left unfinished by the previous run", settled);
        return settled;
    }

    /** Deletes this application's temporary files and spill folders last modified before the given instant. */
    static int removeLeftovers(Path tmp, Instant before) {
        int removed = 0;
        try (DirectoryStream<Path> found = Files.newDirectoryStream(tmp, PaymentJobRunner.TEMP_PREFIX + "*")) {
            for (Path p : found) {
                try {
                    if (Files.getLastModifiedTime(p).compareTo(FileTime.from(before)) >= 0) continue;
                    try (Stream<Path> tree = Files.walk(p)) {
                        for (Path q : tree.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
                    }
                    removed++;
                } catch (IOException e) {
                    log.warn("Could not remove leftover temporary file {}: {}", p, e.toString());
                }
            }
        } catch (IOException e) {
            log.warn("Could not list the temporary folder {}: {}", tmp, e.toString());
        }
        return removed;
    }
}
