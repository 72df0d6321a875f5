package cn.sanbao.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import cn.sanbao.projects.demand.DemandService;
import cn.sanbao.projects.demand.ScopeRepository;
import cn.sanbao.projects.demo.ProjectsDemoLoader;
import cn.sanbao.projects.library.Project;
import cn.sanbao.projects.library.ProjectRepository;
import cn.sanbao.projects.library.ProjectValidator;
import cn.sanbao.projects.library.SanbaoTag;
import cn.sanbao.projects.list.GuaranteeListRepository;
import cn.sanbao.kernel.Money;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.Xlsx;

/** 项目库 paged and filtered in SQL, 追溯 payments paged; library, trace and demand exports read back; county scope. */
@SpringBootTest
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(ProjectsTest.FakePayments.class)
@BothDatabases
class ProjectListsTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles("ANALYST");
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_LOCAL", () -> "SCOPE_640422");

    @Autowired MockMvc mvc;
    @Autowired GuaranteeListRepository lists;
    @Autowired ScopeRepository scopes;
    @Autowired DemandService demand;
    @Autowired ProjectRepository projects;

    @BeforeEach
    void demo() {
        synchronized (ProjectsTest.class) {
            if (projects.ofUnit("640422", 2021).isEmpty()) new ProjectsDemoLoader(lists, scopes, demand, projects).load();
        }
    }

    private String page(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private byte[] file(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static int rows(String html, String tableId) {
        String body = html.substring(html.indexOf("id=\"" + tableId + "\""));
        body = body.substring(body.indexOf("<tbody>"), body.indexOf("</tbody>"));
        return body.split("<tr").length - 1;
    }

    private List<Project> wageProjects() {
        return projects.ofYear(2021, u -> true).stream().filter(p -> p.tag() == SanbaoTag.WAGE).toList();
    }

    @Test
    void libraryIsPagedInSqlWithCountTotalAndFiltersKept() throws Exception {
        List<Project> wage = wageProjects();
        assertThat(wage.size()).isGreaterThan(20);
        String first = page("/projects/library?year=2021&tag=WAGE&size=20", ANALYST);
        assertThat(rows(first, "projects")).isEqualTo(20);
        int pages = (wage.size() + 19) / 20;
        assertThat(first).contains("第 1 / " + pages + " 页，共 " + wage.size() + " 条");
        BigDecimal total = wage.stream().map(Project::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(first).contains(Money.wan(total));
        assertThat(first).contains("href=\"/projects/library?year=2021&amp;tag=WAGE&amp;size=20&amp;page=2\"");
        assertThat(first).contains("href=\"/projects/library/export?year=2021&amp;tag=WAGE\"");
        String last = page("/projects/library?year=2021&tag=WAGE&size=20&page=" + pages, ANALYST);
        assertThat(rows(last, "projects")).isEqualTo(wage.size() - 20 * (pages - 1));
        // the last page holds the last projects in unit and code order
        assertThat(last).contains(wage.get(wage.size() - 1).code()).doesNotContain(">" + wage.get(0).code() + "<");
    }

    @Test
    void libraryExportHoldsEveryFilteredProjectWithAmountsAsNumbers() throws Exception {
        List<Project> wage = wageProjects();
        Xlsx sheet = Xlsx.read(file("/projects/library/export?year=2021&tag=WAGE", ANALYST));
        List<String> expected = new java.util.ArrayList<>(ProjectValidator.COLUMNS);
        expected.add("清单项目名称");
        assertThat(sheet.headers()).containsExactlyElementsOf(expected);
        assertThat(sheet.rows()).hasSize(wage.size());
        assertThat(sheet.column(ProjectValidator.CODE)).containsExactlyElementsOf(wage.stream().map(p -> (Object) p.code()).toList());
        assertThat(sheet.column(ProjectValidator.AMOUNT)).containsExactlyElementsOf(wage.stream().map(p -> (Object) p.amount().doubleValue()).toList());
        assertThat(sheet.column(ProjectValidator.TAG)).containsOnly("保工资");
    }

    @Test
    void aCountyPagesAndExportsOnlyItsOwnProjects() throws Exception {
        List<Project> own = projects.ofUnit("640422", 2021);
        String html = page("/projects/library?year=2021&size=5", XIJI);
        assertThat(html).contains("共 " + own.size() + " 条");
        Xlsx sheet = Xlsx.read(file("/projects/library/export?year=2021", XIJI));
        assertThat(sheet.rows()).hasSize(own.size());
        assertThat(sheet.column(ProjectValidator.UNIT)).containsOnly("640422");
        mvc.perform(get("/projects/library?year=2021&unit=640104").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(get("/projects/library/export?year=2021&unit=640104").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(get("/projects/trace/640104/export?year=2021").with(XIJI)).andExpect(status().isForbidden());

        Xlsx totals = Xlsx.read(file("/projects/demand/export?year=2021", XIJI));
        assertThat(totals.column("单位")).containsExactly("西吉县");
        assertThat(Xlsx.read(file("/projects/demand/export?year=2021", ANALYST)).rows().size()).isGreaterThan(20);
    }

    @Test
    void tracePaymentsArePagedAndTheExportHoldsEveryTableAndPayment() throws Exception {
        String base = "/projects/trace/640422?year=2021&pillar=WAGE&upTo=2021-12-31&project=" + ProjectsTest.PAID_PROJECT;
        String one = page(base + "&size=1", ANALYST);
        assertThat(rows(one, "payments")).isEqualTo(1);
        assertThat(one).contains("V-001").doesNotContain("V-002").contains("第 1 / 2 页，共 2 条");
        assertThat(page(base + "&size=1&page=2", ANALYST)).contains("V-002").doesNotContain("V-001");

        byte[] xlsx = file("/projects/trace/640422/export?year=2021&pillar=WAGE&upTo=2021-12-31&project="
                + ProjectsTest.PAID_PROJECT, XIJI);
        assertThat(Xlsx.sheets(xlsx)).isEqualTo(3);
        Xlsx projectsSheet = Xlsx.read(xlsx, 1);
        assertThat(projectsSheet.headers()).startsWith("项目", "清单项目", "预算（万元）", "已支付（万元）");
        int paidRow = projectsSheet.column("预算（万元）").size();
        assertThat(paidRow).isGreaterThan(1);
        assertThat(projectsSheet.column("已支付（万元）")).contains(150.0); // 1,500,000 元 = 150 万元, a number
        Xlsx payments = Xlsx.read(xlsx, 2);
        assertThat(payments.headers()).containsExactly("支付日期", "凭证号", "收款方", "金额（元）");
        assertThat(payments.column("金额（元）")).containsExactly(1000000.0, 500000.0);
        assertThat(payments.column("凭证号")).containsExactly("V-001", "V-002");
    }
}
