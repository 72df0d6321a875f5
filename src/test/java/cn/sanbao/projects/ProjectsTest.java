package cn.sanbao.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.projects.demand.DemandService;
import cn.sanbao.projects.demand.Estimation;
import cn.sanbao.projects.demand.ScopeRepository;
import cn.sanbao.projects.demo.DemoProjects;
import cn.sanbao.projects.demo.ProjectsDemoLoader;
import cn.sanbao.projects.library.Project;
import cn.sanbao.projects.library.ProjectLibrary;
import cn.sanbao.projects.library.ProjectState;
import cn.sanbao.projects.library.ProjectRepository;
import cn.sanbao.projects.list.GuaranteeListRepository;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.projects.review.Finding;
import cn.sanbao.projects.review.ReviewResult;
import cn.sanbao.projects.review.ReviewService;
import cn.sanbao.projects.trace.PaymentSource;
import cn.sanbao.projects.trace.PillarTrace;
import cn.sanbao.projects.trace.ProjectPayment;
import cn.sanbao.projects.trace.ProjectProgress;
import cn.sanbao.projects.trace.TraceService;
import cn.sanbao.shared.DataFileException;
import cn.sanbao.testsupport.BothDatabases;

/**
 * Guarantee list, scope import, estimation, project library, review and traceability on a real database
 * (H2 and PostgreSQL). The context has a fake payment source, so it has its own database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(ProjectsTest.FakePayments.class)
@BothDatabases
class ProjectsTest {

    static final String PAID_PROJECT = "640422-2021-W01";

    /** Payments of 西吉县's basic-pay project only: 1 000 000 in January, 500 000 in August. */
    @TestConfiguration
    static class FakePayments {
        @Bean
        @org.springframework.context.annotation.Primary
        PaymentSource fakePaymentSource() {
            List<ProjectPayment> all = List.of(
                    new ProjectPayment(PAID_PROJECT, LocalDate.of(2021, 1, 15), new BigDecimal("1000000.00"), "V-001", "工资统发"),
                    new ProjectPayment(PAID_PROJECT, LocalDate.of(2021, 8, 10), new BigDecimal("500000.00"), "V-002", "工资统发"));
            return new PaymentSource() {
                @Override
                public Map<String, BigDecimal> paidByProject(String unit, int year, LocalDate upTo) {
                    if (!unit.equals("640422") || year != 2021) return Map.of();
                    BigDecimal sum = all.stream().filter(p -> !p.paidOn().isAfter(upTo)).map(ProjectPayment::amount)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    return sum.signum() == 0 ? Map.of() : Map.of(PAID_PROJECT, sum);
                }

                @Override
                public List<ProjectPayment> payments(String unit, String project, int year) {
                    return all.stream().filter(p -> p.projectCode().equals(project) && unit.equals("640422")).toList();
                }
            };
        }
    }

    @Autowired GuaranteeListRepository lists;
    @Autowired ScopeRepository scopes;
    @Autowired DemandService demand;
    @Autowired ProjectRepository projects;
    @Autowired ProjectLibrary library;
    @Autowired ReviewService review;
    @Autowired TraceService trace;
    @Autowired FactRepository facts;

    @BeforeEach
    void demo() {
        synchronized (ProjectsTest.class) {
            if (projects.ofUnit("640422", 2021).isEmpty()) new ProjectsDemoLoader(lists, scopes, demand, projects).load();
        }
    }

    @Test
    void demoReviewFindsEachDeliberateGapAndPassesACleanUnit() {
        assertThat(review.rules()).extracting(cn.sanbao.projects.review.ReviewRule::code)
                .containsExactly("HARD_GAP", "UNFUNDED_DEMAND", "NO_LIST_ITEM", "CATEGORY_TAG", "FUNCTION_CODE");
        assertThat(review.review("640104", 2021).status()).isEqualTo("通过");
        assertThat(rules(DemoProjects.UNDERFUNDED_UNIT)).containsExactly("HARD_GAP");
        ReviewResult gap = review.review(DemoProjects.UNDERFUNDED_UNIT, 2021);
        assertThat(gap.status()).isEqualTo("有缺口");
        assertThat(gap.findings().get(0).itemCode()).isEqualTo("L01");
        // funded at 90%: the gap is about a tenth of the demand line
        BigDecimal line = demand.lines(demand.latest(2021).orElseThrow().id(), "640422").stream()
                .filter(l -> l.itemCode().equals("L01")).findFirst().orElseThrow().amount();
        assertThat(gap.gapAmount().subtract(line.multiply(new BigDecimal("0.1"))).abs()).isLessThan(BigDecimal.ONE);
        assertThat(rules(DemoProjects.UNTAGGED_UNIT)).containsExactly("NO_LIST_ITEM");
        assertThat(rules(DemoProjects.MISTAGGED_UNIT)).containsExactlyInAnyOrder("CATEGORY_TAG", "NO_LIST_ITEM");
        assertThat(rules(DemoProjects.WRONG_FUNCTION_UNIT)).containsExactly("FUNCTION_CODE");
        assertThat(rules(DemoProjects.UNFUNDED_UNIT)).containsExactly("UNFUNDED_DEMAND");
        // the export names each rule in words and keeps amounts as numbers
        cn.sanbao.testsupport.Xlsx sheet = cn.sanbao.testsupport.Xlsx.read(review.excel(gap));
        assertThat(sheet.headers()).containsExactly("规则", "单位编码", "清单项目", "项目编码", "金额（元）", "说明");
        assertThat(sheet.rows()).hasSize(gap.findings().size());
        assertThat(sheet.column("规则")).containsExactlyElementsOf(gap.findings().stream().map(Finding::ruleName).toList())
                .noneMatch(v -> String.valueOf(v).matches(".*[A-Z]{3,}.*"));
        assertThat(sheet.column("金额（元）")).anySatisfy(v -> assertThat(v).isInstanceOf(Double.class));
    }

    private List<String> rules(String unit) {
        return review.review(unit, 2021).findings().stream().map(Finding::ruleCode).toList();
    }

    @Test
    void writtenDemandFactLeadsBackToItsLinesProjectsAndPayments() {
        Estimation e = demand.estimate(2021, "analyst");
        long revision = demand.writeFacts(e.id(), "analyst");
        assertThat(facts.revision(revision).orElseThrow().label()).contains("需求测算 #" + e.id());
        ResolvedFact fact = facts.current(List.of("2021"), null).stream()
                .filter(f -> f.unitCode().equals("640422") && f.itemCode().equals("demand_wage")).findFirst().orElseThrow();
        assertThat(fact.amount()).isEqualByComparingTo(demand.pillarTotals(e.id()).get("640422").get(Pillar.WAGE));
        assertThatThrownBy(() -> demand.writeFacts(e.id(), "analyst")).hasMessageContaining("已写入过");

        PillarTrace t = trace.pillar("640422", 2021, Pillar.WAGE, LocalDate.of(2021, 12, 31));
        assertThat(t.estimation().id()).isEqualTo(e.id());
        assertThat(t.factRevision()).isEqualTo(revision);
        assertThat(t.linesTotal()).isEqualByComparingTo(t.demandFact());
        assertThat(t.lines()).extracting(l -> l.itemCode()).contains("W01", "W08");
        assertThat(t.paymentsConnected()).isTrue();
        ProjectProgress paid = t.projects().stream().filter(p -> p.project().code().equals(PAID_PROJECT)).findFirst().orElseThrow();
        assertThat(paid.paid()).isEqualByComparingTo("1500000.00");
        assertThat(paid.noPaymentByMidYear()).isFalse();
        // every other wage project has budget and no payment: flagged once the half year is over, not before
        assertThat(t.projects()).filteredOn(p -> !p.project().code().equals(PAID_PROJECT)).allMatch(ProjectProgress::noPaymentByMidYear);
        assertThat(trace.pillar("640422", 2021, Pillar.WAGE, LocalDate.of(2021, 5, 31)).projects())
                .noneMatch(ProjectProgress::noPaymentByMidYear);

        TraceService.ProjectTrace pt = trace.project("640422", PAID_PROJECT, 2021, LocalDate.of(2021, 6, 30));
        assertThat(pt.payments()).extracting(ProjectPayment::voucher).containsExactly("V-001", "V-002");
        assertThat(pt.progress().paid()).isEqualByComparingTo("1000000.00");
    }

    @Test
    void badProjectWorkbookIsRejectedWholeWithRowAndColumn() throws Exception {
        int before = projects.ofYear(2021, u -> true).size();
        int imports = projects.importCount();
        byte[] xlsx = ProjectImportTestFiles.workbook(List.of(
                List.of("T-1", "好项目", "640422", "教育局", "特定目标类", "保基本民生", "L01", "2050202", "30305", "1000", "2021", "储备"),
                List.of("T-2", "未知单位", "999999", "教育局", "特定目标类", "保基本民生", "L01", "2050202", "30305", "1000", "2021", ""),
                List.of("T-3", "未知清单项目", "640422", "教育局", "特定目标类", "保基本民生", "L99", "2050202", "30305", "1000", "2021", ""),
                List.of("T-1", "重复编码", "640422", "教育局", "特定目标类", "保基本民生", "L01", "2050202", "30305", "1000", "2021", ""),
                List.of("T-5", "负数", "640422", "教育局", "特定目标类", "保基本民生", "L01", "2050202", "30305", "-5", "2021", ""),
                List.of(PAID_PROJECT, "库中已有", "640422", "教育局", "特定目标类", "保基本民生", "L01", "2050202", "30305", "1", "2021", ""),
                List.of("T-7", "坏科目", "640422", "教育局", "人员", "保工资", "", "2050", "3x", "1", "2021", "")));
        assertThatThrownBy(() -> library.importExcel("projects.xlsx", new ByteArrayInputStream(xlsx), "analyst"))
                .isInstanceOf(DataFileException.class)
                .satisfies(e -> assertThat(((DataFileException) e).problems()).extracting(DataFileException.Problem::text)
                        .contains("projects.xlsx 第3行 单位编码 列：未知的单位编码“999999”",
                                "projects.xlsx 第4行 清单项目 列：保障清单（2021 年）中没有项目“L99”",
                                "projects.xlsx 第6行 金额（元） 列：金额不能为负数：-5",
                                "projects.xlsx 第8行 项目类别 列：未知的项目类别“人员”，应为 人员类/运转类/特定目标类",
                                "projects.xlsx 第8行 功能分类 列：支出功能分类编码应为 3、5 或 7 位数字：“2050”",
                                "projects.xlsx 第8行 经济分类 列：支出经济分类编码应为 3 或 5 位数字：“3x”"));
        assertThat(projects.ofYear(2021, u -> true)).hasSize(before);
        // the rows that pass on their own still clash on codes: the second check reports those
        byte[] dup = ProjectImportTestFiles.workbook(List.of(
                List.of("T-1", "好项目", "640422", "教育局", "特定目标类", "保基本民生", "L01", "2050202", "30305", "1000", "2021", ""),
                List.of("T-1", "重复编码", "640422", "教育局", "特定目标类", "保基本民生", "L01", "2050202", "30305", "1000", "2021", ""),
                List.of(PAID_PROJECT, "库中已有", "640422", "教育局", "特定目标类", "保基本民生", "L01", "2050202", "30305", "1", "2021", "")));
        assertThatThrownBy(() -> library.importExcel("dup.xlsx", new ByteArrayInputStream(dup), "analyst"))
                .hasMessageContaining("dup.xlsx 第3行 项目编码 列：项目编码“T-1”重复（第2行已有）")
                .hasMessageContaining("dup.xlsx 第4行 项目编码 列：项目编码“" + PAID_PROJECT + "”在 2021 年项目库中已存在");
        assertThat(projects.ofYear(2021, u -> true)).hasSize(before);
        assertThat(projects.importCount()).isEqualTo(imports);
    }

    @Test
    void exportedWorkbookImportsAgain() {
        List<Project> unit = projects.ofUnit("640423", 2021);
        // re-imported under another year, where the codes are still free
        byte[] again = ProjectImportTestFiles.rewriteYear(library.export(unit), "2041");
        library.importExcel("again.xlsx", new ByteArrayInputStream(again), "analyst");
        List<Project> copied = projects.ofUnit("640423", 2041);
        assertThat(copied).hasSameSizeAs(unit);
        assertThat(copied).extracting(Project::code, Project::amount, Project::tag, Project::itemCode, Project::state)
                .containsExactlyElementsOf(unit.stream().map(p -> org.assertj.core.groups.Tuple.tuple(p.code(), p.amount(), p.tag(), p.itemCode(), p.state())).toList());
    }

    @Test
    void badScopeFileChangesNothing() {
        int revisions = scopes.revisionCount(2021);
        String csv = "year,unit_code,measure,quantity\n2021,640422,staff_on_establishment,100\n2021,999999,staff_on_establishment,1\n"
                + "2021,640400,staff_on_establishment,1\n2021,640422,unknown_measure,1\n2021,640423,villages,-3\n2021,640422,staff_on_establishment,5\n";
        assertThatThrownBy(() -> scopes.importCsv("scope.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), lists.measures(), "analyst"))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("scope.csv 第3行 unit_code 列：未知的单位编码“999999”")
                .hasMessageContaining("scope.csv 第4行 unit_code 列：固原市是汇总单位")
                .hasMessageContaining("scope.csv 第5行 measure 列：保障清单中没有测算口径“unknown_measure”")
                .hasMessageContaining("scope.csv 第6行 quantity 列：数量不能为负数：-3")
                .hasMessageContaining("scope.csv 第7行 measure 列：单位 640422 的口径 staff_on_establishment 重复（第2行已有）");
        assertThat(scopes.revisionCount(2021)).isEqualTo(revisions);
    }

    @Test
    void hugeOrExponentScopeQuantitiesAreRefusedNotAServerError() throws Exception {
        List<String> header = ScopeRepository.COLUMNS;
        byte[] bad = ProjectImportTestFiles.sheet(header, List.of(List.of("2062", "640423", "staff_on_establishment", "1e308"),
                List.of("2062", "640423", "villages", "9".repeat(25)), List.of("2062", "640423", "retirees", "+1" + "0".repeat(500))));
        int revisions = scopes.revisionCount(2062);
        assertThatThrownBy(() -> scopes.importFile("scope.xlsx", new ByteArrayInputStream(bad), lists.measures(), "analyst"))
                .hasMessageContaining("scope.xlsx 第2行 quantity 列：不是有效的数量：数值超出允许范围")
                .hasMessageContaining("第3行 quantity 列：不是有效的数量：数值过大")
                .hasMessageContaining("第4行 quantity 列：不是有效的数量：数字过长");
        byte[] endless = ProjectImportTestFiles.sheet(header, List.of(List.of("2062", "640423", "retirees", "+1" + "0".repeat(5000))));
        assertThatThrownBy(() -> scopes.importFile("scope.xlsx", new ByteArrayInputStream(endless), lists.measures(), "analyst"))
                .hasMessageContaining("scope.xlsx 第2行 D2 列：单元格内容超过 2000 个字符");
        assertThat(scopes.revisionCount(2062)).isEqualTo(revisions);
    }

    @Test
    void scopeWorkbookIsCheckedLikeTheCsvAndFeedsAnEstimation() throws Exception {
        List<String> header = ScopeRepository.COLUMNS;
        byte[] bad = ProjectImportTestFiles.sheet(header, List.of(List.of("2061", "640423", "staff_on_establishment", "100"),
                List.of("2061", "640423", "villages", "-1")));
        int revisions = scopes.revisionCount(2061);
        assertThatThrownBy(() -> scopes.importFile("scope.xlsx", new ByteArrayInputStream(bad), lists.measures(), "analyst"))
                .hasMessageContaining("scope.xlsx 第3行 quantity 列：数量不能为负数：-1");
        assertThat(scopes.revisionCount(2061)).isEqualTo(revisions);
        byte[] good = ProjectImportTestFiles.sheet(header, List.of(List.of("2061", "640423", "staff_on_establishment", "100"),
                List.of("2061", "640400BJ", "pupils_compulsory", "1000")));
        scopes.importFile("scope.xlsx", new ByteArrayInputStream(good), lists.measures(), "analyst");
        Estimation e = demand.estimate(2061, "analyst");
        // 隆德县: 100 staff × 108 200 (W01–W08, 绩效工资 7 月起调标) × county share 1
        assertThat(demand.pillarTotals(e.id()).get("640423").get(Pillar.WAGE)).isEqualByComparingTo("10820000.00");
        // 固原市本级: 1000 pupils × 720 × (city 0 + county 0.08) = 57 600; O05 fixed 3 000 000 × 1
        assertThat(demand.pillarTotals(e.id()).get("640400BJ").get(Pillar.LIVELIHOOD)).isEqualByComparingTo("57600.00");
        assertThat(demand.pillarTotals(e.id()).get("640400BJ").get(Pillar.OPERATION)).isEqualByComparingTo("3000000.00");
    }

    @Test
    void lifecycleMovesForwardOneStepAndRecordsWhoAndWhen() {
        Project p = projects.create(library.checked(Map.ofEntries(Map.entry("项目编码", "LC-1"),
                Map.entry("项目名称", "流转测试"), Map.entry("单位编码", "640423"), Map.entry("预算单位", "财政局"),
                Map.entry("项目类别", "运转类"), Map.entry("三保标识", "保运转"), Map.entry("清单项目", "O01"),
                Map.entry("功能分类", "2010101"), Map.entry("经济分类", "30201"), Map.entry("金额（元）", "100.00"),
                Map.entry("年度", "2051")), "测试"), "analyst");
        assertThat(p.state()).isEqualTo(ProjectState.RESERVE);
        assertThatThrownBy(() -> projects.move(p.id(), ProjectState.APPROVED, "analyst", null))
                .hasMessageContaining("不能从“储备”变为“批复”");
        projects.move(p.id(), ProjectState.DECLARED, "county", "申报");
        projects.move(p.id(), ProjectState.REVIEWED, "analyst", null);
        projects.move(p.id(), ProjectState.DECLARED, "analyst", "退回补充材料");
        assertThat(projects.transitions(p.id())).extracting(t -> (t.from() == null ? "—" : t.from().label()) + "→" + t.to().label() + "@" + t.actor())
                .containsExactly("—→储备@analyst", "储备→申报@county", "申报→审核@analyst", "审核→申报@analyst");
    }
}
