package cn.sanbao.intake;

import cn.sanbao.SanbaoApplication;
import cn.sanbao.kernel.Period;
import cn.sanbao.region.RegionTree;
import cn.sanbao.testsupport.EmbeddedPostgresSupport;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

/**
 * Growing data (not a test): imports 12 consecutive months of payment detail into embedded PostgreSQL (default
 * 40 million rows in total) and prints, per month, rows/s, CPU seconds of Java and PostgreSQL, and the drill-down
 * time on that month and on January; at the end month 12 against month 1 (goal: within 1.2x). Each month's file
 * is generated in target/ and deleted after its import. Run (docs/intake-benchmark.md):
 * java -Xmx512m -cp … cn.sanbao.intake.PaymentYearBenchmark [rows in total]
 */
public final class PaymentYearBenchmark {

    public static void main(String[] args) throws Exception {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 40_000_000L;
        long perMonth = (total + 11) / 12;
        String url = EmbeddedPostgresSupport.createDatabase();
        try (ConfigurableApplicationContext ctx = new SpringApplication(SanbaoApplication.class).run("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + EmbeddedPostgresSupport.username(),
                "--spring.datasource.password=" + EmbeddedPostgresSupport.password(),
                "--spring.datasource.driver-class-name=org.postgresql.Driver",
                "--sanbao.demo.enabled=false", "--logging.level.root=WARN", "--server.port=0")) {
            RegionTree regions = ctx.getBean(RegionTree.class);
            PaymentImportService imports = ctx.getBean(PaymentImportService.class);
            PaymentRepository queries = ctx.getBean(PaymentRepository.class);
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            System.out.printf("12 个月 × %,d 行 = %,d 行；%d 个处理器；负载 %s%n", perMonth, perMonth * 12,
                    Runtime.getRuntime().availableProcessors(), PaymentImportBenchmark.load());
            double[] wall = new double[13], perCpu = new double[13];
            long january = 0;
            String unit = null;
            for (int m = 1; m <= 12; m++) {
                YearMonth month = YearMonth.of(2021, m);
                Path file = Path.of("target", "payment-year-" + month + ".csv");
                PaymentImportBenchmark.generate(file, perMonth, regions.budgetUnits(), month, 20210000L + m);
                if (m == 1) {
                    // JIT warm-up (pass 1 only, no database): month 1 would otherwise pay for compiling the import code
                    imports.checkAndClassify(PaymentSource.of(file, file.toString()), "warm-up", Period.month(2021, 1), u -> true,
                            new PillarClassifier(ctx.getBean(PillarMappingService.class).rules(ctx.getBean(PillarMappingService.class).current().id())),
                            null, (p, n) -> { });
                }
                double pg0 = PaymentImportBenchmark.postgresCpu(jdbc);
                long cpu0 = PaymentImportBenchmark.processCpu(), t0 = System.nanoTime();
                PaymentResult r = imports.importFile(file, file.getFileName().toString(), Period.month(2021, m), "bench", u -> true, (p, n) -> { });
                double seconds = (System.nanoTime() - t0) / 1e9, javaCpu = (PaymentImportBenchmark.processCpu() - cpu0) / 1e9;
                double pgCpu = PaymentImportBenchmark.postgresCpu(jdbc) - pg0;
                Files.deleteIfExists(file);
                if (m == 1) {
                    january = r.revisionId();
                    unit = r.monthTotals().keySet().iterator().next();
                }
                wall[m] = r.rows() / seconds;
                perCpu[m] = r.rows() / (javaCpu + pgCpu);
                int offset = perMonth >= 1_000_000 ? 5000 : 0; // small trial runs have fewer than 5000 wage payments per unit
                String drill = drillMs(queries, r.revisionId(), unit, offset), drillJanuary = drillMs(queries, january, unit, offset);
                long stored = jdbc.queryForObject("select sum(row_count) from payment_unit_month", Long.class);
                System.out.printf("%s：%,d 行 %.1f 秒，%,.0f 行/秒；CPU Java %.1f + PostgreSQL %.1f 秒 → 每 CPU 秒 %,.0f 行；"
                                + "下钻第 5001–5100 笔（首次 / 三次最快，毫秒：本月 %s，1 月 %s）；库中共 %,d 行；负载 %s%n", month, r.rows(), seconds, wall[m],
                        javaCpu, pgCpu, perCpu[m], drill, drillJanuary, stored, PaymentImportBenchmark.load());
            }
            System.out.printf("12 月 / 1 月：行/秒 %.2f（墙钟），%.2f（每 CPU 秒）；目标：12 月用时不超过 1 月的 1.2 倍，即比值 ≥ %.2f%n",
                    wall[12] / wall[1], perCpu[12] / perCpu[1], 1 / 1.2);
            System.out.println("分区：" + new PaymentPartitionRepository(jdbc.getDataSource()).months());
        }
    }

    /** Page 51 (payments 5001–5100; the first page in small trial runs) of the unit's wages in the revision: "first / best of three" in ms. */
    private static String drillMs(PaymentRepository queries, long revision, String unit, int offset) {
        double first = 0, best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            if (queries.drill(revision, unit, PaymentClass.WAGE, 100, offset).isEmpty()) throw new IllegalStateException("下钻没有结果");
            double ms = (System.nanoTime() - t) / 1e6;
            if (i == 0) first = ms;
            best = Math.min(best, ms);
        }
        return String.format("%.1f / %.1f", first, best);
    }
}
