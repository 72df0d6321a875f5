package cn.sanbao.bench;

import cn.sanbao.SanbaoApplication;
import cn.sanbao.connectors.BudgetSystemFixture;
import cn.sanbao.connectors.Connector;
import cn.sanbao.connectors.ConnectorRunner;
import cn.sanbao.connectors.ConnectorService;
import cn.sanbao.kernel.Period;
import static cn.sanbao.intake.PaymentImportBenchmark.load;
import static cn.sanbao.intake.PaymentImportBenchmark.processCpu;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.testsupport.EmbeddedPostgresSupport;
import java.sql.Connection;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Payment extraction benchmark (not a test): fills the fixture budget-system database with one month of vouchers for the
 * 28 budget units (default 4 million rows, generated inside PostgreSQL), then times a connector run end to end — read
 * from the source, checks, classification, to-date facts and every detail row written to the platform (embedded
 * PostgreSQL). Run like PaymentImportBenchmark: java -Xmx512m -cp … cn.sanbao.bench.ConnectorPaymentBenchmark [rows] [max_wal_size];
 * PaymentImportBenchmark prints the same figure as its (4), beside the file import.
 */
public final class ConnectorPaymentBenchmark {

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 4_000_000L;
        String url = EmbeddedPostgresSupport.createDatabase();
        try (ConfigurableApplicationContext ctx = new SpringApplication(SanbaoApplication.class).run("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + EmbeddedPostgresSupport.username(),
                "--spring.datasource.password=" + EmbeddedPostgresSupport.password(),
                "--spring.datasource.driver-class-name=org.postgresql.Driver", "--sanbao.connectors.tick=PT24H",
                "--sanbao.demo.enabled=false", "--logging.level.root=WARN", "--server.port=0")) {
            if (args.length > 1) walSize(ctx, args[1]);
            extract(ctx, rows);
        }
    }

    /**
     * The server's max_wal_size (e.g. "4GB", as docs/operations.md recommends for bulk imports; the embedded default is
     * 1GB, so a 4-million-row month triggers checkpoints, and full-page writes after each, in the middle of the COPY).
     */
    static void walSize(ConfigurableApplicationContext ctx, String size) {
        var jdbc = ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        if (!size.matches("[0-9]+(MB|GB)")) throw new IllegalArgumentException("max_wal_size 应写成如 4GB");
        jdbc.execute("alter system set max_wal_size = '" + size + "'");
        jdbc.execute("select pg_reload_conf()");
        try {
            Thread.sleep(500); // the reload reaches the server processes asynchronously
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.printf("max_wal_size = %s%n", jdbc.queryForObject("show max_wal_size", String.class));
    }

    /**
     * (4) of the payment benchmark: fills a fresh fixture budget-system database with {@code rows} vouchers of 2021-01 for
     * the platform's budget units and times one connector run of that month into the platform behind {@code ctx}.
     */
    public static void extract(ConfigurableApplicationContext ctx, long rows) throws Exception {
        var units = ctx.getBean(RegionTree.class).budgetUnits().stream().map(FiscalUnit::code).toList();
        BudgetSystemFixture source = BudgetSystemFixture.empty();
        long t0 = System.nanoTime();
        try (Connection c = source.owner(); Statement s = c.createStatement()) {
            String codes = units.stream().map(u -> "'" + BudgetSystemFixture.sourceCode(u) + "'").collect(Collectors.joining(","));
            s.executeUpdate("insert into zf_zfpz select g, (array[" + codes + "])[1 + g % " + units.size() + "], "
                    + "date '2021-01-01' + (g % 31)::int, round(((g::bigint * 7919) % 1000000) / 100.0 + 1, 2), "
                    + "(array['2010101','2050202','2081901','2320301','2130101'])[1 + g % 5], "
                    + "(array['30101','30102','30201','30205','30701','31002'])[1 + (g / 5) % 6], 'P-' || (g % 1000), '财政局' "
                    + "from generate_series(1, " + rows + ") g");
            s.execute("analyze zf_zfpz");
            // the generated rows (and a file import run before) are flushed now, not during the timed run
            s.execute("checkpoint");
        }
        System.out.printf("源库生成 %,d 笔支付凭证：%.1f 秒%n", rows, (System.nanoTime() - t0) / 1e9);
        ConnectorService connectors = ctx.getBean(ConnectorService.class);
        long id = connectors.save("bench", new Connector(0, "基准", source.url, BudgetSystemFixture.READER, "0 0 6 * * *",
                Connector.PeriodRule.CURRENT_MONTH, false, 20_000_000, 3_600, 3, 0, null, null, null), BudgetSystemFixture.READER_PASSWORD);
        connectors.saveUnitCodes("bench", id, units.stream().map(u -> BudgetSystemFixture.sourceCode(u) + "," + u)
                .collect(Collectors.joining("\n")));
        connectors.saveQuery("bench", new Connector.Query(0, id, "支付凭证", Connector.Kind.PAYMENT, null, BudgetSystemFixture.PAYMENT_SQL,
                Connector.Query.parseColumns(BudgetSystemFixture.PAYMENT_COLUMNS, Connector.Kind.PAYMENT), null));
        long cpu0 = processCpu(), t1 = System.nanoTime();
        ConnectorRunner.Outcome o = ctx.getBean(ConnectorRunner.class).run(id, Period.month(2021, 1), "MANUAL", "bench");
        double secs = (System.nanoTime() - t1) / 1e9, cpu = (processCpu() - cpu0) / 1e9;
        System.out.printf("(4) 连接器提取 2021年1月支付明细（源库读取 + 完整导入）：%,d 行，%.1f 秒，%,.0f 行/秒，结果 %s：%s%n",
                o.rows(), secs, o.rows() / secs, o.status().label(), o.message());
        // the machine is shared: CPU seconds of this process compare runs better than wall time
        System.out.printf("    CPU：Java 进程 %.1f 秒 → 每 CPU 秒 %,.0f 行；负载 %s%n", cpu, o.rows() / cpu, load());
    }
}
