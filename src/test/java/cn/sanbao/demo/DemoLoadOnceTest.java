package cn.sanbao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanbao.facts.FactRepository;
import cn.sanbao.intake.GeneratedPayments;
import cn.sanbao.intake.PaymentRepository;
import cn.sanbao.intake.SpendingMarks;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.region.RegionTree;
import cn.sanbao.shared.scheduling.ClusterOnce;
import cn.sanbao.testsupport.BothDatabases;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances starting together on one empty database in demo mode: each runs the demo loaders at the same moment
 * (here: two loaders with their own lock provider, as two servers). The demo data must exist exactly once and
 * neither start may fail. Own context (property below), so the database starts empty.
 */
@SpringBootTest(properties = "sanbao.test.context=demo-load-once")
@BothDatabases
class DemoLoadOnceTest {

    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired RegionTree regions;
    @Autowired GeneratedPayments generated;
    @Autowired PaymentRepository payments;
    @Autowired SpendingMarks marks;
    @Autowired cn.sanbao.audit.AuditLog audit;
    @Autowired org.springframework.transaction.support.TransactionOperations tx;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;

    /** One server's view of the cluster lock: its own provider on the shared shedlock table. */
    ClusterOnce server() {
        return new ClusterOnce(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build()));
    }

    /** Starts both at the same moment; fails if either throws. */
    static void together(Runnable a, Runnable b) throws Exception {
        CyclicBarrier go = new CyclicBarrier(2);
        List<CompletableFuture<Void>> runs = List.of(a, b).stream().map(r -> CompletableFuture.runAsync(() -> {
            try {
                go.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            r.run();
        })).toList();
        for (CompletableFuture<Void> run : runs) run.get(10, TimeUnit.MINUTES);
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void twoInstancesStartingTogetherLoadTheDemoOnce() throws Exception {
        assertThat(facts.latestRevisionId()).as("empty database").isZero();
        var args = new DefaultApplicationArguments();
        DemoDataLoader a = new DemoDataLoader(facts, scoring, server()), b = new DemoDataLoader(facts, scoring, server());
        together(() -> a.run(args), () -> b.run(args));

        long demoRevisions = count("select count(*) from fact_revision where source = 'DEMO'");
        assertThat(demoRevisions).isPositive();
        assertThat(count("select count(distinct label) from fact_revision where source = 'DEMO'"))
                .as("one revision per demo period, none twice").isEqualTo(demoRevisions);
        assertThat(count("select count(*) from (select period from scoring_run group by period having count(*) > 1) twice"))
                .as("each period scored once").isZero();
        long runs = count("select count(*) from scoring_run");
        assertThat(runs).isPositive();

        DemoPaymentsLoader pa = new DemoPaymentsLoader(facts, regions, generated, payments, marks, audit, tx, server());
        DemoPaymentsLoader pb = new DemoPaymentsLoader(facts, regions, generated, payments, marks, audit, tx, server());
        together(() -> pa.run(args), () -> pb.run(args));

        assertThat(payments.hasUnitMonths(DemoPaymentsLoader.YEAR)).isTrue();
        long paymentRevisions = count("select count(*) from fact_revision where source = 'PAYMENT'");
        assertThat(paymentRevisions).isPositive();
        assertThat(count("select count(distinct label) from fact_revision where source = 'PAYMENT'")).isEqualTo(paymentRevisions);
        assertThat(count("select count(*) from fact_revision where source = 'DEMO'"))
                .as("the demo facts plus one spending budget revision").isEqualTo(demoRevisions + 1);

        // a third start (a restart later on) changes nothing either
        together(() -> new DemoDataLoader(facts, scoring, server()).run(args),
                () -> new DemoPaymentsLoader(facts, regions, generated, payments, marks, audit, tx, server()).run(args));
        assertThat(count("select count(*) from fact_revision")).isEqualTo(demoRevisions + 1 + paymentRevisions);
        assertThat(count("select count(*) from scoring_run")).isEqualTo(runs);
        assertThat(count("select count(*) from shedlock where name = 'demo-load'")).isEqualTo(1);
    }
}
