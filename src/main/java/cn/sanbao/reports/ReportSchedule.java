package cn.sanbao.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import cn.sanbao.kernel.Period;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;

/**
 * Scheduled reports. Weekly: the latest scored week, once. Monthly: the latest scored month once its results are
 * published (warnings), the region's report and every unit's own. Cron expressions in sanbao.reports.schedule.*
 * ("-" switches a job off).
 */
@Component
class ReportSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReportSchedule.class);
    static final List<ReportFormat> ALL = List.of(ReportFormat.PDF, ReportFormat.XLSX, ReportFormat.DOCX);

    private final ReportService reports;
    private final ReportArchiveRepository archive;
    private final ReportDistribution distribution;
    private final WarningsSection warnings;
    private final ResultRepository results;
    private final RegionTree regions;

    ReportSchedule(ReportService reports, ReportArchiveRepository archive, ReportDistribution distribution, WarningsSection warnings,
                   ResultRepository results, RegionTree regions) {
        this.reports = reports;
        this.archive = archive;
        this.distribution = distribution;
        this.warnings = warnings;
        this.results = results;
        this.regions = regions;
    }

    @Scheduled(cron = "${sanbao.reports.schedule.weekly:-}")
    @SchedulerLock(name = "report-weekly", lockAtMostFor = "PT2H")
    public void weekly() {
        runWeekly();
    }

    @Scheduled(cron = "${sanbao.reports.schedule.monthly:-}")
    @SchedulerLock(name = "report-monthly", lockAtMostFor = "PT2H")
    public void monthly() {
        runMonthly();
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

    /** As {@link #runWeekly()} for the latest month, only after its results were published. */
    List<Long> runMonthly() {
        Optional<Period> month = results.latestPeriod(Period.Type.MONTH).map(Period::parse);
        if (month.isEmpty() || warnings.publication(month.get().code()).isEmpty()
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
