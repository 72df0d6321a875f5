package cn.sanbao.reports;

import cn.sanbao.testsupport.BothDatabases;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.kernel.Period;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.notify.Notifications;
import cn.sanbao.notify.OutboxMessage;
import cn.sanbao.notify.outbox.FakeSmtpServer;
import cn.sanbao.region.RegionTree;
import cn.sanbao.testsupport.DemoData;
import cn.sanbao.warnings.PublicationRepository;
import cn.sanbao.warnings.PublicationService;
import cn.sanbao.warnings.WarningsDemo;

/**
 * Warnings and reports both deliver through the notification module: a case notice queued by publishing a month
 * and a report e-mail queued by the distribution end up as outbox messages, each handed to the mail server once.
 */
@SpringBootTest(properties = {"sanbao.warnings.mail.from=sanbao@example.org", "spring.mail.host=127.0.0.1",
        "sanbao.reports.distribution=leader@example.cn"})
@BothDatabases
class NotifyDeliveryTest {

    /** One mail server for the JVM (a daemon thread): the cached application contexts keep its port. */
    static final FakeSmtpServer SMTP = start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", SMTP::port);
    }

    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired PublicationRepository publications;
    @Autowired PublicationService publishing;
    @Autowired RegionTree regions;
    @Autowired Notifications notifications;
    @Autowired ReportArchiveRepository archive;
    @Autowired ReportDistribution distribution;
    @Autowired JdbcClient jdbc;

    @Test
    void aCaseNoticeAndAReportMailAreOutboxMessagesDeliveredOnce() {
        DemoData.ensureLoaded(facts, scoring, results);
        if (publications.latestPublication("2021-12").isEmpty())
            new WarningsDemo(publishing, publications, results, regions).publishDemoYear(2021);

        long publication = publications.latestPublication("2021-03").orElseThrow().id();
        OutboxMessage notice = notifications.ofPublication(publication).stream().filter(m -> m.channel().equals("EMAIL"))
                .findFirst().orElseThrow();
        assertThat(notifications.deliverNow(notice.idempotencyKey())).get().extracting(OutboxMessage::status).isEqualTo(OutboxMessage.SENT);
        assertThat(notifications.deliverNow(notice.idempotencyKey())).get().extracting(OutboxMessage::status).isEqualTo(OutboxMessage.SENT);
        assertThat(received(notice.idempotencyKey())).isEqualTo(1);

        long runId = results.latestRun(Period.month(2021, 3)).orElseThrow().id();
        Report report = new Report(ReportKind.PROVINCE_MONTHLY, "2021年3月全区“三保”运行监测月报", "2021-03", "2021年3月", null, null,
                runId, null, List.of(), "演示模型", LocalDateTime.now(), List.of());
        long file = archive.insert(report, ReportFormat.PDF, "monthly.pdf", new byte[]{1}, ReportService.SCHEDULED, "system",
                LocalDateTime.now());
        assertThat(distribution.distribute(List.of(file))).isEqualTo(1);
        distribution.distribute(List.of(file));
        List<String> keys = jdbc.sql("select idempotency_key from warning_outbox where recipient_type = 'REPORT' and status = 'SENT' "
                + "and idempotency_key like ?").param("report-" + file + "-%").query(String.class).list();
        assertThat(keys).singleElement().satisfies(key -> assertThat(received(key)).isEqualTo(1));
        assertThat(archive.deliveries(file)).extracting(ReportArchiveRepository.Delivery::status).contains(ReportDistribution.SENT);
    }

    private static long received(String key) {
        synchronized (SMTP.messages) {
            return SMTP.messages.stream().filter(m -> m.contains("X-Idempotency-Key: " + key)).count();
        }
    }

    private static FakeSmtpServer start() {
        try {
            return new FakeSmtpServer();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
