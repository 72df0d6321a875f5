package cn.sanbao.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.region.RegionTree;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.Xlsx;
import cn.sanbao.notify.outbox.OutboxRepository;

/** 预警事项 and 发送记录 paged in SQL with filters kept in the page links; the cases export; county scope. */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class WarningListsTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles("ANALYST");
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_LOCAL", () -> "SCOPE_640422");

    @Autowired MockMvc mvc;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired PublicationRepository publications;
    @Autowired PublicationService publishing;
    @Autowired CaseService caseService;
    @Autowired OutboxRepository outbox;
    @Autowired RegionTree regions;
    @Autowired cn.sanbao.monitoring.ModelRegistry models;
    @Autowired CaseGrades caseGrades;

    @BeforeEach
    void published() {
        WarningsFixture.demoPublished(facts, scoring, results, publications, new WarningsDemo(publishing, publications, results, regions));
    }

    private String page(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static int rows(String html, String tableId) {
        String body = html.substring(html.indexOf("id=\"" + tableId + "\""));
        body = body.substring(body.indexOf("<tbody>"), body.indexOf("</tbody>"));
        return body.split("<tr").length - 1;
    }

    /** The grade most cases have (the filter used below). */
    private String commonGrade() {
        WarningsFixture.analyst();
        return caseService.list(null, null, null, null).stream().collect(java.util.stream.Collectors.groupingBy(r -> r.c().grade(),
                java.util.stream.Collectors.counting())).entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    @Test
    void caseGradesAreNamedByTheModelInForceAsOnTheResultScreens() throws Exception {
        WarningsFixture.analyst();
        List<CaseService.CaseRow> rows = caseService.list(null, null, null, null);
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.gradeName()).isEqualTo(models.engine(models.publishedFor(
                cn.sanbao.kernel.Period.parse(r.c().lastPeriod()))).model().gradeName(r.c().grade())));
        assertThat(rows).extracting(CaseService.CaseRow::gradeName).isSubsetOf("高度风险", "中度风险", "低度风险", "平稳运行");
        // the filter offers the model's grades, best first, with their names
        String list = page("/warnings", ANALYST);
        assertThat(list).contains("<option value=\"STABLE\">平稳运行</option>", "<option value=\"HIGH\">高度风险</option>");
        assertThat(list.indexOf("value=\"STABLE\"")).isLessThan(list.indexOf("value=\"HIGH\""));
        // a grade the model does not know (a case kept from an older model) shows as its code, by the kernel's rule
        WarningCase old = rows.get(0).c();
        WarningCase unknown = new WarningCase(old.id(), old.unitCode(), old.status(), "E", old.escalation(), old.openedPeriod(),
                old.lastPeriod(), old.openedAt(), old.planDeadline(), old.rectifyDeadline(), old.closedAt(), old.closeReason(), old.updatedAt());
        assertThat(caseGrades.lookup().apply(unknown)).isEqualTo("E");
    }

    @Test
    void casesArePagedWithTheCountAndFiltersKeptInThePageLinks() throws Exception {
        String grade = commonGrade();
        int all = caseService.list(grade, null, null, null).size();
        assertThat(all).as("demo year has several cases of one grade").isGreaterThan(2);
        String first = page("/warnings?grade=" + grade + "&size=2", ANALYST);
        assertThat(rows(first, "cases")).isEqualTo(2);
        int pages = (all + 1) / 2;
        assertThat(first).contains("第 1 / " + pages + " 页，共 " + all + " 条");
        assertThat(first).contains("href=\"/warnings?grade=" + grade + "&amp;size=2&amp;page=2\"");
        String last = page("/warnings?grade=" + grade + "&size=2&page=" + pages, ANALYST);
        assertThat(rows(last, "cases")).isEqualTo(all - 2 * (pages - 1));
        assertThat(last).doesNotContain("rel=\"next\"").contains("rel=\"prev\"");
        // the export button carries the filter, not the page
        assertThat(first).contains("href=\"/warnings/export?grade=" + grade + "\"");
    }

    @Test
    void casesExportHasTheScreensColumnsAndEveryFilteredCase() throws Exception {
        String grade = commonGrade();
        List<CaseService.CaseRow> high = caseService.list(grade, null, null, null);
        assertThat(high).isNotEmpty();
        byte[] xlsx = mvc.perform(get("/warnings/export").param("grade", grade).with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Xlsx sheet = Xlsx.read(xlsx);
        assertThat(sheet.headers()).containsExactly("编号", "单位", "所属市", "最近预警期间", "等级", "状态", "升级处置",
                "方案反馈期限", "整改期限", "逾期");
        assertThat(sheet.rows()).hasSize(high.size());
        assertThat(sheet.column("编号")).containsExactlyElementsOf(high.stream().map(r -> (Object) (double) r.c().id()).toList());
        assertThat(sheet.column("等级")).containsOnly(Map.of("HIGH", "高度风险", "MEDIUM", "中度风险", "LOW", "低度风险", "STABLE", "平稳运行").get(grade));
        assertThat(sheet.column("单位")).containsExactlyElementsOf(high.stream().map(r -> (Object) r.unitName()).toList());
    }

    @Test
    void aCountyPagesAndExportsOnlyItsOwnCases() throws Exception {
        String html = page("/warnings", XIJI);
        assertThat(html).contains("西吉县").doesNotContain("泾源县");
        WarningsFixture.signIn("xiji", "ROLE_LOCAL", "SCOPE_640422");
        long own = caseService.list(null, null, null, null).size();
        assertThat(html).contains("共 " + own + " 条");
        Xlsx sheet = Xlsx.read(mvc.perform(get("/warnings/export").with(XIJI)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(sheet.rows()).hasSize((int) own).isNotEmpty();
        assertThat(sheet.column("单位")).containsOnly("西吉县");
        // a city filter outside the county's scope gives nothing, not another unit's rows
        assertThat(Xlsx.read(mvc.perform(get("/warnings/export").param("city", "640400").with(XIJI))
                .andReturn().getResponse().getContentAsByteArray()).column("单位")).containsOnly("西吉县");
        assertThat(Xlsx.read(mvc.perform(get("/warnings/export").param("city", "640100").with(XIJI))
                .andReturn().getResponse().getContentAsByteArray()).rows()).isEmpty();
    }

    @Test
    void deliveryLogIsPagedInSqlNewestFirstWithTheStatusFilterKept() throws Exception {
        long all = outbox.count(null);
        assertThat(all).isGreaterThan(3);
        String first = page("/warnings/deliveries?size=3", ANALYST);
        assertThat(rows(first, "messages")).isEqualTo(3);
        assertThat(first).contains("共 " + all + " 条");
        long newest = outbox.page(null, 0, 1).get(0).id();
        long fourth = outbox.page(null, 3, 1).get(0).id();
        Matcher firstId = Pattern.compile("<td>(\\d+)</td>").matcher(first.substring(first.indexOf("id=\"messages\"")));
        assertThat(firstId.find()).isTrue();
        assertThat(Long.parseLong(firstId.group(1))).isEqualTo(newest);
        String second = page("/warnings/deliveries?size=3&page=2", ANALYST);
        assertThat(second.substring(second.indexOf("id=\"messages\""))).contains("<td>" + fourth + "</td>");
        String pending = page("/warnings/deliveries?status=PENDING&size=3", ANALYST);
        assertThat(pending).contains("共 " + outbox.count("PENDING") + " 条");
        if (outbox.count("PENDING") > 3) assertThat(pending).contains("status=PENDING&amp;size=3&amp;page=2");
        mvc.perform(get("/warnings/deliveries").with(XIJI)).andExpect(status().isForbidden());
    }
}
