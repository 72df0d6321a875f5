package cn.sanbao.connectors;

import java.time.Clock;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * One tick a minute runs every connector that is due: its cron time has come since the last run, or a failed run's
 * back-off has passed. Connectors run one after another on this thread; with several instances on one database the
 * ShedLock row lets only one of them tick.
 */
@Component
public class ConnectorScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConnectorScheduler.class);

    private final ConnectorService connectors;
    private final ConnectorRunner runner;
    private final Clock clock;

    ConnectorScheduler(ConnectorService connectors, ConnectorRunner runner, ObjectProvider<Clock> clock) {
        this.connectors = connectors;
        this.runner = runner;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    @Scheduled(fixedDelayString = "${sanbao.connectors.tick:PT1M}", initialDelayString = "PT1M")
    // one instance of a cluster runs the tick; a long payment extract may hold it up to the import's own time limit
    @SchedulerLock(name = "connectors-tick", lockAtMostFor = "PT3H", lockAtLeastFor = "PT20S")
    public void tick() {
        runDue();
    }

    /** Runs the due connectors; returns how many ran. */
    public int runDue() {
        LocalDateTime now = LocalDateTime.now(clock);
        int ran = 0;
        for (Connector c : connectors.all()) {
            String trigger = due(c, now);
            if (trigger == null) continue;
            try {
                runner.run(c.id(), null, trigger, null);
            } catch (RuntimeException e) {
                log.warn("连接器“{}”定时运行出错：{}", c.name(), SourceErrors.reason(e));
            }
            ran++;
        }
        return ran;
    }

    /** SCHEDULE, RETRY or null (not due). */
    static String due(Connector c, LocalDateTime now) {
        if (!c.enabled()) return null;
        if (c.retryAt() != null) return now.isBefore(c.retryAt()) ? null : "RETRY";
        LocalDateTime since = c.lastRunAt() != null ? c.lastRunAt() : c.createdAt();
        LocalDateTime next = CronExpression.parse(c.cron()).next(since);
        return next != null && !next.isAfter(now) ? "SCHEDULE" : null;
    }
}
