package cn.sanbao.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Async;
import cn.sanbao.shared.scheduling.AsyncExecutors;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import cn.sanbao.kernel.Period;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.warnings.MonthPublished;

/**
 * Scheduled reports. Weekly: the latest scored week, once. Monthly: generated when warnings publishes the month
 * ({@link MonthPublished}), the region's report and every unit's own, once. The daily monthly cron stays as a
 * catch-up only: for a month published before events existed, and for a listener that failed (its publication is
 * otherwise retried only at the next start); it finds the month done and does nothing in the normal case.
 * Cron expressions in sanbao.reports.schedule.* ("-" switches a job off).
 */
@Component
class ReportSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReportSchedule.class);
    private static final java.time.Duration LOCK_WAIT = java.time.Duration.ofMinutes(30);
    static final List<ReportFormat> ALL = List.of(ReportFormat.PDF, ReportFormat.XLSX, ReportFormat.DOCX);

    private final ReportService reports;
    private final ReportArchiveRepository archive;
    private final ReportDistribution distribution;
    private final WarningsSection warnings;
    private final ResultRepository results;
    private final RegionTree regions;
    private final LockProvider locks;
    private final boolean onPublication;

    ReportSchedule(ReportService reports, ReportArchiveRepository archive, ReportDistribution distribution, WarningsSection warnings,
                   ResultRepository results, RegionTree regions, LockProvider locks,
                   @Value("${sanbao.reports.on-publication:true}") boolean onPublication) {
        this.onPublication = onPublication;
        this.locks = locks;
        this.reports = reports;
        this.archive = archive;
        this.distribution = distribution;
        this.warnings = warnings;
        this.results = results;
        this.regions = regions;
    }

    @Scheduled(cron = "${sanbao.reports.schedule.weekly:-}")
    @SchedulerLock(name = "report-weekly", lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
    public void weekly() {
        runWeekly();
    }

    @Scheduled(cron = "${sanbao.reports.schedule.monthly:-}")
    @SchedulerLock(name = "report-monthly", lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
    public void monthly() {
        runMonthly();
    }

    /**
     * The month's reports once warnings has published it. Under the same cluster lock as the catch-up, so the two never
     * write the same month side by side; while the catch-up holds it, this waits (a month's reports take minutes).
     */
    // not @ApplicationModuleListener: that wraps the listener in its own transaction, which would hold a connection
    // for the whole run (and a second one for the claim), so a burst of imports could drain the pool
    @Async(AsyncExecutors.BULK)
    @TransactionalEventListener
    public void on(MonthPublished published) throws InterruptedException {
        if (!onPublication) return;
        Period month = Period.parse(published.period());
        long until = System.nanoTime() + LOCK_WAIT.toNanos();
        Optional<SimpleLock> lock;
        while ((lock = locks.lock(monthlyLock())).isEmpty()) {
            // thrown: the publication stays incomplete, the catch-up or the next start finishes the month
            if (System.nanoTime() > until) throw new IllegalStateException("月报锁被占用超过 " + LOCK_WAIT + "，" + month.label() + "月报未生成");
            Thread.sleep(5_000);
        }
        try {
            runMonthly(month);
        } finally {
            lock.get().unlock();
        }
    }

    private static LockConfiguration monthlyLock() {
        return new LockConfiguration(java.time.Instant.now(), "report-monthly", java.time.Duration.ofHours(2), java.time.Duration.ZERO);
    }

    /** Generates the latest week's report unless it was already generated on schedule; returns the new file ids. */
    List<Long> runWeekly() {
        Optional<Period> week = results.latestPeriod(Period.Type.WEEK).map(Period::parse);
        if (week.isEmpty() || archive.exists(ReportKind.WEEKLY, week.get().code(), ReportService.SCHEDULED)) return List.of();
        List<Long> ids = reports.generateScheduled(ReportKind.WEEKLY, week.get(), null, ALL);
        distribution.distribute(ids);
        log.info("已按计划生成{}周报（{} 个文件）", week.get().label(), ids.size());
        return ids;
    }

    /** Catch-up: {@link #runMonthly(Period)} for the latest scored month. */
    List<Long> runMonthly() {
        return results.latestPeriod(Period.Type.MONTH).map(Period::parse).map(this::runMonthly).orElse(List.of());
    }

    /** As {@link #runWeekly()} for the month, only after its results were published. */
    List<Long> runMonthly(Period m) {
        Optional<Period> month = Optional.of(m);
        if (warnings.publication(month.get().code()).isEmpty()
                || archive.exists(ReportKind.PROVINCE_MONTHLY, month.get().code(), ReportService.SCHEDULED)) return List.of();
        // unit reports first, skipping those already made: a run that stopped halfway is finished by the next one;
        // the province report, whose presence marks the month as done, comes last
        String code = month.get().code();
        List<Long> ids = new ArrayList<>(reports.generateScheduledUnits(month.get(), regions.all().stream().filter(u -> !u.isRoot())
                .map(FiscalUnit::code).filter(u -> !archive.exists(ReportKind.UNIT_MONTHLY, code, u, ReportService.SCHEDULED))
                .toList(), List.of(ReportFormat.PDF)));
        List<Long> province = reports.generateScheduled(ReportKind.PROVINCE_MONTHLY, month.get(), null, ALL);
        distribution.distribute(province);
        ids.addAll(province);
        log.info("已按计划生成{}月报（{} 个文件）", month.get().label(), ids.size());
        return ids;
    }
}
