package cn.sanbao.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanbao.kernel.Period;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Payment detail by month: on PostgreSQL each imported month gets its own partition and an old month can be
 * detached (archived) and attached again with the commands of docs/scale.md; on H2 the table stays one table
 * and imports work the same. Year 2081 belongs to this class.
 */
@SpringBootTest
@BothDatabases
class PaymentPartitionTest {

    @Autowired PaymentImportService imports;
    @Autowired PaymentRepository queries;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource ds;
    @TempDir Path dir;

    /** PostgreSQL keeps payment rows in month partitions; H2 keeps one table. */
    static boolean partitioned() {
        return TestDatabase.selected() == TestDatabase.POSTGRES;
    }

    private PaymentResult run(String period, String... rows) throws IOException {
        Path p = dir.resolve(period + ".csv");
        Files.writeString(p, PaymentTest.HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return imports.importFile(p, p.getFileName().toString(), Period.parse(period), "analyst", u -> true, PaymentTest.QUIET);
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void eachMonthIsItsOwnPartitionAndAnOldMonthCanBeDetachedAndAttachedAgain() throws IOException {
        PaymentResult jan = run("2081-01",
                "640422,2081-01-05,100.00,2010101,30101,P-01,县财政局",
                "640422,2081-01-06,200.00,2010101,30201,P-02,县财政局");
        PaymentResult feb = run("2081-02", "640422,2081-02-05,300.00,2010101,30101,P-01,县财政局");
        assertThat(queries.drill(jan.revisionId(), "640422", PaymentClass.WAGE, 10, 0)).hasSize(1);
        assertThat(queries.count(feb.revisionId())).isEqualTo(1);
        PaymentPartitionRepository partitions = new PaymentPartitionRepository(ds);
        if (!partitioned()) {
            assertThat(partitions.months()).isEmpty();
            return;
        }
        assertThat(partitions.months()).contains("payment_detail_2081_01", "payment_detail_2081_02");
        assertThat(rows("payment_detail_2081_01")).isEqualTo(2);
        assertThat(rows("payment_detail_2081_02")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from payment_detail_default where period like '2081-%'").query(Long.class).single()).isZero();

        // archive January: detach, then it is a plain table (dump it, drop it); the other months are untouched
        jdbc.sql("alter table payment_detail detach partition payment_detail_2081_01").update();
        assertThat(queries.count(jan.revisionId())).isZero();
        assertThat(queries.count(feb.revisionId())).isEqualTo(1);
        assertThat(rows("payment_detail_2081_01")).isEqualTo(2);
        assertThat(partitions.months()).doesNotContain("payment_detail_2081_01");

        // bring it back from the archive
        jdbc.sql("alter table payment_detail attach partition payment_detail_2081_01 for values in ('2081-01')").update();
        assertThat(queries.drill(jan.revisionId(), "640422", PaymentClass.OPERATION, 10, 0)).singleElement()
                .satisfies(p -> assertThat(p.projectCode()).isEqualTo("P-02"));
    }
}
