package cn.sanbao.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * After a crash (kill -9, power loss) payment jobs would stay RUNNING forever and their temporary files
 * stay on disk. On start: a job whose revision committed is completed with it (so nobody uploads it
 * again); every other unfinished job fails with a reason the user can act on; temporary files and spill
 * folders older than this process are removed.
 */
@Component
class PaymentJobRecovery {

    static final String RESTARTED = "服务重启，导入未完成，请重新上传";
    private static final Logger log = LoggerFactory.getLogger(PaymentJobRecovery.class);

    private final PaymentJobs jobs;
    private final PaymentJobRunner runner;

    PaymentJobRecovery(PaymentJobs jobs, PaymentJobRunner runner) {
        this.jobs = jobs;
        this.runner = runner;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        reconcile();
        removeLeftovers(Path.of(System.getProperty("java.io.tmpdir")),
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
    }

    /** @return how many jobs were settled */
    int reconcile() {
        Set<Long> mine = runner.activeIds();
        int settled = 0;
        for (long id : jobs.running()) {
            if (mine.contains(id)) continue;
            Optional<Long> revision = jobs.committedRevision(id);
            if (revision.isPresent()) {
                jobs.finish(id, PaymentJobs.Status.DONE, revision.get(), null, jobs.find(id).rowsDone(),
                        "已保存为数据修订 #" + revision.get() + "（服务重启前已完成入库，重启后确认）");
            } else {
                jobs.finish(id, PaymentJobs.Status.FAILED, null, null, 0, RESTARTED);
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
