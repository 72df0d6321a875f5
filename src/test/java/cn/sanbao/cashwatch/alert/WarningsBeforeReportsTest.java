package cn.sanbao.cashwatch.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import cn.sanbao.cashwatch.DailyBalance;
import cn.sanbao.cashwatch.DailyCashWatch;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.intake.Location;
import cn.sanbao.shared.scheduling.AsyncExecutors;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.warnings.Contact;
import cn.sanbao.warnings.PublicationRepository;

/**
 * Same-day cash warnings do not wait behind report generation: with every thread of the report executor blocked and
 * tasks queued behind them (as on a fresh demo start, when every unit's monthly report is generated), balances below the
 * floor are warned within seconds, on H2 and PostgreSQL.
 */
@SpringBootTest(properties = {"sanbao.warnings.mail.from=sanbao@example.org", "spring.mail.host=127.0.0.1", "spring.mail.port=9",
        "sanbao.warnings.dispatch.interval=PT24H", "sanbao.executors.bulk.threads=2"})
@BothDatabases
class WarningsBeforeReportsTest {

    static final String UNIT = "640425"; // 彭阳县: no other test of this context warns it

    @Autowired @Qualifier(AsyncExecutors.BULK) ThreadPoolTaskExecutor bulk;
    @Autowired DailyCashWatch watch;
    @Autowired FactRepository facts;
    @Autowired PublicationRepository contacts;
    @Autowired MeterRegistry meters;
    @Autowired JdbcClient jdbc;

    @Test
    void aWarningIsQueuedWithinSecondsWhileReportsHoldTheirExecutor() throws Exception {
        LocalDate today = LocalDate.now();
        // annual 三保 need 1,200,000 元 → 100,000 a month; 20,000 is 0.20 months, below the floor 0.3
        facts.createRevision("TEST", "需求", "test", null, List.of(
                new FactValue(UNIT, String.valueOf(today.getYear()), "demand_wage", new BigDecimal("1200000"))));
        contacts.addContact("640000", Contact.ANALYST, "周分析", "监测处", null, null, "zhou@example.cn");

        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(2);
        List<Boolean> daemons = Collections.synchronizedList(new ArrayList<>());
        try {
            for (int i = 0; i < 2 + 3; i++)
                bulk.execute(() -> {
                    daemons.add(Thread.currentThread().isDaemon());
                    running.countDown();
                    try {
                        release.await(); // a month's reports: minutes
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            // both report threads busy, three reports waiting; Boot's executor metrics show it
            assertThat(meters.get("executor.active").tag("name", AsyncExecutors.BULK).gauge().value()).isEqualTo(2);
            assertThat(meters.get("executor.queued").tag("name", AsyncExecutors.BULK).gauge().value()).isEqualTo(3);
            assertThat(meters.get("executor.pool.max").tag("name", AsyncExecutors.ALERT).gauge().value()).isEqualTo(2);

            long start = System.nanoTime();
            watch.store("upload", "库款日报.csv", List.of(new DailyBalance(UNIT, today, new BigDecimal("20000"),
                    new Location("库款日报.csv", 2, "日终余额"))), "analyst");
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql(
                    "select count(*) from warning_outbox where idempotency_key like ? and recipient_name = '周分析' and channel = 'EMAIL'")
                    .param("CASH-W-" + UNIT + "-" + today + "%").query(Integer.class).single() == 1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(jdbc.sql("select count(*) from cash_alert where unit_code = ? and kind = 'WARNING'").param(UNIT)
                    .query(Integer.class).single()).isEqualTo(1);
            assertThat(bulk.getActiveCount()).as("reports still blocked while the warning went out").isEqualTo(2);
        } finally {
            release.countDown();
        }
        // daemon threads: a report still running at the end never holds the JVM's exit
        assertThat(daemons).isNotEmpty().containsOnly(true);
    }

    @Test
    void reportsAndRescoringRunOnTheBulkExecutorAndCashWarningsOnTheirOwn() throws Exception {
        assertThat(executorOf("cn.sanbao.reports.ReportSchedule", "on")).isEqualTo(AsyncExecutors.BULK);
        assertThat(executorOf("cn.sanbao.monitoring.RescoringListener", "on")).isEqualTo(AsyncExecutors.BULK);
        assertThat(executorOf("cn.sanbao.cashwatch.alert.CashAlertListener", "on")).isEqualTo(AsyncExecutors.ALERT);
        assertThat(bulk.getQueueCapacity()).isEqualTo(100);
    }

    private static String executorOf(String type, String method) throws ClassNotFoundException {
        for (Method m : Class.forName(type).getDeclaredMethods())
            if (m.getName().equals(method) && m.isAnnotationPresent(Async.class)) return m.getAnnotation(Async.class).value();
        return null;
    }
}
