package cn.sanbao.reports;

import cn.sanbao.testsupport.BothDatabases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.sanbao.facts.FactRepository;
import cn.sanbao.kernel.Period;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.region.RegionTree;
import cn.sanbao.testsupport.DemoData;
import cn.sanbao.testsupport.MonthlyReportsOnPublication;
import cn.sanbao.warnings.MonthPublished;
import cn.sanbao.warnings.Publication;
import cn.sanbao.warnings.PublicationService;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionOperations;

/** Publishing a month generates its monthly reports once, through the MonthPublished event, on both databases. */
@SpringBootTest
@ContextConfiguration(initializers = MonthlyReportsOnPublication.class)
@BothDatabases
class MonthlyReportsOnPublicationTest {

    static final Period JULY = Period.month(2021, 7);

    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired PublicationService publications;
    @Autowired ReportSchedule schedule;
    @Autowired RegionTree regions;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionOperations tx;
    @Autowired JdbcClient jdbc;

    @Test
    void publishingAMonthGeneratesItsMonthlyReportsOnce() {
        DemoData.ensureLoaded(facts, scoring, results);
        assertThat(scheduled("PROVINCE_MONTHLY")).isZero();
        Publication p = publications.publish(JULY, "analyst");

        long units = regions.all().stream().filter(u -> !u.isRoot()).count();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
                .until(() -> scheduled("PROVINCE_MONTHLY") == ReportSchedule.ALL.size() && outstanding() == 0);
        assertThat(scheduled("UNIT_MONTHLY")).isEqualTo(units);

        // delivered again (a restart republishing it, another instance) and the daily catch-up: nothing new
        tx.executeWithoutResult(s -> events.publishEvent(new MonthPublished(p.id(), JULY.code(), p.runId(), "analyst")));
        await().atMost(Duration.ofMinutes(2)).until(() -> outstanding() == 0);
        assertThat(schedule.runMonthly(JULY)).isEmpty();
        assertThat(scheduled("PROVINCE_MONTHLY")).isEqualTo(ReportSchedule.ALL.size());
        assertThat(scheduled("UNIT_MONTHLY")).isEqualTo(units);
    }

    private long scheduled(String kind) {
        return jdbc.sql("select count(*) from report_file where kind = ? and period = ? and trigger_kind = 'SCHEDULED'")
                .params(kind, JULY.code()).query(Long.class).single();
    }

    private long outstanding() {
        return jdbc.sql("select count(*) from event_publication where event_type like '%MonthPublished'").query(Long.class).single();
    }
}
