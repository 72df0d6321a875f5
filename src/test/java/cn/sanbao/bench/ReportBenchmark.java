package cn.sanbao.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import cn.sanbao.SanbaoApplication;
import cn.sanbao.demo.SyntheticDataSet;
import cn.sanbao.kernel.Period;
import cn.sanbao.reports.Report;
import cn.sanbao.reports.ReportBuilder;
import cn.sanbao.reports.ReportFormat;
import cn.sanbao.reports.ReportKind;
import cn.sanbao.reports.ReportService;

/**
 * Time to generate the province monthly report (content + PDF + Excel + DOCX) for December: first on the 28 demo
 * units, then on the synthetic 3,000-unit set (30 cities × 100 units, as {@link DashboardBenchmark}). Each case
 * starts the application on a fresh H2 file database. Goals: under 10 s and under 60 s. Not a unit test.
 *
 * <p>Arguments (optional): synthetic unit count (3000); "demo" or "synthetic" to run one case only.
 */
public final class ReportBenchmark {

    public static void main(String[] args) throws Exception {
        int units = args.length > 0 && args[0].matches("\\d+") ? Integer.parseInt(args[0]) : 3000;
        String only = args.length > 1 ? args[1] : args.length > 0 && !args[0].matches("\\d+") ? args[0] : "";
        boolean ok = true;
        System.out.printf("报告基准：%d 核，最大堆 %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        if (!only.equals("synthetic")) ok &= demo();
        if (!only.equals("demo")) ok &= synthetic(units);
        System.exit(ok ? 0 : 1);
    }

    static boolean demo() throws Exception {
        ConfigurableApplicationContext app = start(null, true);
        boolean ok = time(app, "演示数据 28 个预算单位", Period.month(2021, 12), 10);
        app.close();
        return ok;
    }

    static boolean synthetic(int units) throws Exception {
        ConfigurableApplicationContext app = start(SyntheticProvince.regionFile(units), false);
        long f0 = System.nanoTime();
        int stored = SyntheticProvince.storeYear(app, units);
        SyntheticProvince.scoreYear(app);
        int year = SyntheticDataSet.YEAR;
        System.out.printf("准备：存入 %d 条数据并评分 12 个月，%.1f s%n", stored, (System.nanoTime() - f0) / 1e9);
        boolean ok = time(app, "合成数据 " + units + " 个单位", Period.month(year, 12), 60);
        app.close();
        return ok;
    }

    private static ConfigurableApplicationContext start(Path region, boolean demo) throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
                "--spring.datasource.url=jdbc:h2:file:" + Files.createTempDirectory("sanbao-bench-db") + "/db",
                "--sanbao.demo.enabled=" + demo, "--sanbao.reports.schedule.weekly=-", "--sanbao.reports.schedule.monthly=-"));
        if (region != null) args.add("--sanbao.region.file=file:" + region);
        return new SpringApplication(SanbaoApplication.class).run(args.toArray(String[]::new));
    }

    /** Keeps the PDF under target/report-benchmark/ to look at (docs/images/report-page.png is its first page). */
    private static void save(String label, byte[] pdf) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "report-benchmark"));
            Files.write(dir.resolve(label.replace(' ', '-') + ".pdf"), pdf);
        } catch (java.io.IOException e) {
            System.out.println("PDF 未保存：" + e.getMessage());
        }
    }

    /** Builds and renders the report twice (the first run warms up fonts and classes) and reports the second. */
    private static boolean time(ConfigurableApplicationContext app, String label, Period period, double goalSeconds) {
        ReportBuilder builder = app.getBean(ReportBuilder.class);
        ReportService reports = app.getBean(ReportService.class);
        double[] last = null;
        for (int round = 0; round < 2; round++) {
            long r0 = System.nanoTime();
            var run = app.getBean(cn.sanbao.monitoring.ResultRepository.class).latestRun(period).orElseThrow();
            app.getBean(cn.sanbao.monitoring.ResultRepository.class).ranking(run, code -> true);
            long r1 = System.nanoTime();
            app.getBean(cn.sanbao.facts.FactResolver.class).resolve(period, run.asOfRevision());
            long r2 = System.nanoTime();
            System.out.printf("  其中读取：结果与排名 %.2f s，运行所用数据 %.2f s%n", (r1 - r0) / 1e9, (r2 - r1) / 1e9);
            long a = System.nanoTime();
            Report r = builder.build(ReportKind.PROVINCE_MONTHLY, period, null);
            long b = System.nanoTime();
            byte[] pdfBytes = reports.render(r, ReportFormat.PDF);
            int pdf = pdfBytes.length;
            save(label, pdfBytes);
            long c = System.nanoTime();
            int xlsx = reports.render(r, ReportFormat.XLSX).length;
            long d = System.nanoTime();
            int docx = reports.render(r, ReportFormat.DOCX).length;
            long e = System.nanoTime();
            last = new double[] {(b - a) / 1e9, (c - b) / 1e9, (d - c) / 1e9, (e - d) / 1e9, (e - a) / 1e9, pdf >> 10, xlsx >> 10, docx >> 10};
            System.out.printf("%s（第 %d 轮）：内容 %.2f s，PDF %.2f s（%.0f KB），Excel %.2f s（%.0f KB），DOCX %.2f s（%.0f KB），合计 %.2f s%n",
                    label, round + 1, last[0], last[1], last[5], last[2], last[6], last[3], last[7], last[4]);
        }
        boolean ok = last[4] < goalSeconds;
        System.out.printf("%s：全区月报三种格式合计 %.2f s —— %s（目标 < %.0f s）%n", label, last[4], ok ? "达到目标" : "未达目标", goalSeconds);
        return ok;
    }
}
