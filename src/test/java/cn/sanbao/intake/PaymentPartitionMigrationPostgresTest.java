package cn.sanbao.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanbao.testsupport.EmbeddedPostgresSupport;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** V750 on PostgreSQL carries the payment rows stored before it into one partition per month, nothing lost. */
@Tag("postgres")
class PaymentPartitionMigrationPostgresTest {

    @Test
    void rowsStoredBeforeTheMigrationAreCarriedIntoMonthPartitions() {
        DriverManagerDataSource ds = new DriverManagerDataSource(EmbeddedPostgresSupport.createDatabase(),
                EmbeddedPostgresSupport.username(), EmbeddedPostgresSupport.password());
        // the schema just before V750: the newest migration below it, whichever that is once branches merge
        Flyway all = Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/postgresql").load();
        MigrationVersion before = java.util.Arrays.stream(all.info().all()).map(i -> i.getVersion())
                .filter(v -> v.compareTo(MigrationVersion.fromVersion("750")) < 0).max(MigrationVersion::compareTo).orElseThrow();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .target(before).load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        String insert = "insert into payment_detail (revision_id, line_no, period, unit_code, pay_date, amount, function_code, "
                + "economic_code, project_code, agency, pillar) values (?, ?, ?, '640422', ?, ?, '2010101', '30101', 'P-1', '局', 'WAGE')";
        jdbc.sql(insert).params(1L, 2L, "2021-01", java.sql.Date.valueOf("2021-01-05"), new java.math.BigDecimal("10.50")).update();
        jdbc.sql(insert).params(1L, 3L, "2021-01", java.sql.Date.valueOf("2021-01-06"), new java.math.BigDecimal("11.00")).update();
        jdbc.sql(insert).params(2L, 2L, "2021-02", java.sql.Date.valueOf("2021-02-05"), new java.math.BigDecimal("12.00")).update();

        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();

        assertThat(new PaymentPartitionRepository(ds).months()).containsExactly("payment_detail_2021_01", "payment_detail_2021_02");
        assertThat(jdbc.sql("select count(*) from payment_detail_2021_01").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select sum(amount) from payment_detail").query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("33.50");
        assertThat(jdbc.sql("select count(*) from payment_detail_default").query(Long.class).single()).isZero();
    }
}
