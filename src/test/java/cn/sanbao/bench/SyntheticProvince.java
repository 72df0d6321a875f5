package cn.sanbao.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import cn.sanbao.SanbaoApplication;
import cn.sanbao.security.AccountService;
import cn.sanbao.demo.SyntheticDataSet;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.DataItem;
import cn.sanbao.facts.DataItemRepository;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.facts.Frequency;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.intake.PaymentImportService;
import cn.sanbao.projects.library.Category;
import cn.sanbao.projects.library.Project;
import cn.sanbao.projects.library.ProjectState;
import cn.sanbao.projects.library.ProjectRepository;
import cn.sanbao.projects.library.SanbaoTag;
import cn.sanbao.region.RegionTree;
import cn.sanbao.warnings.PublicationRepository;
import cn.sanbao.warnings.PublicationService;
import cn.sanbao.warnings.WarningsDemo;
import java.math.BigDecimal;

/** The synthetic province the benchmarks share: a region file of N counties under 30 cities, its year of data, its scores. */
final class SyntheticProvince {

    static final int CITIES = 30;

    private SyntheticProvince() {
    }

    /** A region CSV with {@code units} counties spread over {@link #CITIES} cities. */
    static Path regionFile(int units) throws Exception {
        Path region = Files.createTempFile("sanbao-bench-region", ".csv");
        StringBuilder csv = new StringBuilder("code,name,kind,parent_code,gb2260,sort_order\n640000,合成自治区,REGION,,false,0\n");
        for (int c = 0; c < CITIES; c++) csv.append(String.format("C%02d,合成市%02d,CITY,640000,false,%d%n", c + 1, c + 1, (c + 1) * 10000));
        for (int i = 0; i < units; i++)
            csv.append(String.format("%s,合成县%d,COUNTY,C%02d,false,%d%n", SyntheticDataSet.unitCode(i), i + 1,
                    i % CITIES + 1, (i % CITIES + 1) * 10000 + i + 1));
        Files.writeString(region, csv);
        return region;
    }

    /** Stores the synthetic year as one revision; returns the number of values stored. */
    static int storeYear(ConfigurableApplicationContext app, int units) {
        return storeYear(app, units, SyntheticDataSet.YEAR, 20210101L);
    }

    /** The same synthetic figures stored under {@code year}'s periods (one revision), so several years can be stored. */
    static int storeYear(ConfigurableApplicationContext app, int units, int year) {
        return storeYear(app, units, year, 20210101L);
    }

    /** Stores a synthetic year under another year's periods (another seed, other figures) as one revision. */
    static int storeYear(ConfigurableApplicationContext app, int units, int year, long seed) {
        DataItemRepository items = app.getBean(DataItemRepository.class);
        List<FactValue> facts = new ArrayList<>();
        new SyntheticDataSet(units, seed).forEachUnitMonth((code, month, values) -> values.forEach((item, amount) -> {
            Frequency f = items.item(item).map(DataItem::frequency).orElse(Frequency.MONTHLY);
            if (f == Frequency.ANNUAL) {
                if (month == 1) facts.add(new FactValue(code, String.valueOf(year), item, amount));
            } else {
                facts.add(new FactValue(code, Period.month(year, month).code(), item, amount));
            }
        }));
        app.getBean(FactRepository.class).createRevision("benchmark", "合成数据 " + units + " 个单位 " + year + " 年", "benchmark", null, facts);
        return facts.size();
    }

    /** Projects per unit in the year's library (tags in turn); returns the number stored. */
    static int storeProjects(ConfigurableApplicationContext app, int units, int perUnit) {
        List<Project> projects = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        SanbaoTag[] tags = SanbaoTag.values();
        for (int i = 0; i < units; i++) {
            String unit = SyntheticDataSet.unitCode(i);
            for (int n = 0; n < perUnit; n++) {
                SanbaoTag tag = tags[n % tags.length];
                projects.add(new Project(0, SyntheticDataSet.YEAR, projectCode(i, n), "合成项目" + (n + 1), unit, "合成县" + (i + 1) + "财政局",
                        Category.RUNNING, tag, null, "2010101", "30101", new BigDecimal(1_000_000 + 1000L * n).setScale(2), ProjectState.EXECUTING));
                lines.add(projects.size() + 1);
            }
        }
        app.getBean(ProjectRepository.class).importProjects("benchmark.xlsx", projects, lines, "benchmark");
        return projects.size();
    }

    static String projectCode(int unit, int n) {
        return SyntheticDataSet.unitCode(unit) + "-P" + (n + 1);
    }

    /** {@code rows} January payments of the first unit's first project (a long trace), imported as payment detail. */
    static void storePayments(ConfigurableApplicationContext app, int rows) throws Exception {
        StringBuilder csv = new StringBuilder("单位代码 unit_code,支付日期 pay_date,金额（元） amount,支出功能分类 function_code,"
                + "经济分类 economic_code,项目代码 project_code,预算单位 agency\n");
        for (int r = 0; r < rows; r++)
            csv.append(SyntheticDataSet.unitCode(0)).append(",2021-01-").append(String.format("%02d", r % 28 + 1)).append(',')
                    .append(100 + r % 900).append(".00,2010101,30101,").append(projectCode(0, 0)).append(",合成县1财政局\n");
        Path file = Files.createTempFile("sanbao-bench-payments", ".csv");
        Files.writeString(file, csv);
        app.getBean(PaymentImportService.class).importFile(file, "benchmark-payments.csv", Period.month(SyntheticDataSet.YEAR, 1),
                "benchmark", u -> true, (phase, n) -> { });
    }

    /** Contacts for every unit, then December published: cases for the units at risk, messages in the outbox. */
    static void publishDecember(ConfigurableApplicationContext app) {
        publishDecember(app, SyntheticDataSet.YEAR);
    }

    static void publishDecember(ConfigurableApplicationContext app, int year) {
        PublicationRepository publications = app.getBean(PublicationRepository.class);
        WarningsDemo.addDemoContacts(publications, app.getBean(RegionTree.class));
        app.getBean(PublicationService.class).publish(Period.month(year, 12), "benchmark");
    }

    static void scoreYear(ConfigurableApplicationContext app) {
        scoreYear(app, SyntheticDataSet.YEAR);
    }

    static void scoreYear(ConfigurableApplicationContext app, int year) {
        for (int m = 1; m <= 12; m++)
            app.getBean(ScoringRunService.class).run(Period.month(year, m), "benchmark", "基准");
    }

    /** Starts the application on a fresh H2 file database (in memory the results do not fit a small heap) with this region tree. */
    static ConfigurableApplicationContext start(Path region) throws Exception {
        return new SpringApplication(SanbaoApplication.class).run(
                "--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + Files.createTempDirectory("sanbao-bench-db") + "/db",
                "--sanbao.demo.enabled=false", "--sanbao.region.file=file:" + region, "--logging.level.root=WARN");
    }

    /**
     * A new account with this role (scope: unit code for a city or county user, else null), signed in over HTTP;
     * returns the client holding its session.
     */
    static HttpClient signIn(ConfigurableApplicationContext app, String base, String user, String role, String scope) throws Exception {
        AccountService accounts = app.getBean(AccountService.class);
        accounts.create("benchmark", user, "基准用户", "Speed-test-2021");
        accounts.assignRole("benchmark", user, role, scope);
        accounts.changeOwnPassword(user, "Speed-test-2021", "Speed-test-2022", null);
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) throw new IllegalStateException("登录页没有 CSRF 令牌");
        String form = "username=" + user + "&password=" + URLEncoder.encode("Speed-test-2022", StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        return http;
    }
}
