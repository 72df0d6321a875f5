package cn.sanbao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;
import cn.sanbao.testsupport.Xlsx;

/** 监测结果 paged with filters kept; results and unit-indicator exports read back against the queries; county scope. */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class ResultListsTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles("ANALYST");
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_LOCAL", () -> "SCOPE_640422");
    static final Period MARCH = Period.month(2021, 3);

    @Autowired MockMvc mvc;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;

    @BeforeEach
    void demo() {
        DemoData.ensureLoaded(facts, scoring, results);
    }

    private String page(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private byte[] file(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void resultsArePagedAndNumberedAcrossPagesWithTheFilterKept() throws Exception {
        List<UnitRanking> all = results.ranking(MARCH, code -> true);
        String first = page("/monitoring?period=2021-03&size=10", ANALYST);
        int pages = (all.size() + 9) / 10;
        assertThat(first).contains("第 1 / " + pages + " 页，共 " + all.size() + " 条");
        assertThat(first).contains(all.get(9).unitName()).doesNotContain(">" + all.get(10).unitName() + "<");
        String second = page("/monitoring?period=2021-03&size=10&page=2", ANALYST);
        assertThat(second).contains("<td>11</td>").contains(all.get(10).unitName());
        List<UnitRanking> guyuan = RankingTable.filter(all, "固原市", null);
        String city = page("/monitoring?period=2021-03&city=固原市&size=3", ANALYST);
        assertThat(city).contains("共 " + guyuan.size() + " 条").contains("page=2").contains("city=%E5%9B%BA%E5%8E%9F%E5%B8%82");
    }

    @Test
    void resultsExportHasTheScreensColumnsEveryFilteredUnitAndScoresAsNumbers() throws Exception {
        List<UnitRanking> all = results.ranking(MARCH, code -> true);
        Xlsx sheet = Xlsx.read(file("/monitoring/export?period=2021-03", ANALYST));
        assertThat(sheet.headers()).containsExactly("序号", "单位代码", "单位", "所属市", "类型", "总分", "等级", "上期等级", "较上期",
                "一票否决", "数据缺失");
        assertThat(sheet.rows()).hasSize(all.size());
        UnitRanking xiji = all.stream().filter(r -> r.unitCode().equals("640422")).findFirst().orElseThrow();
        int at = sheet.column("单位代码").indexOf("640422");
        assertThat(sheet.rows().get(at).get(5)).isEqualTo(xiji.total().doubleValue());
        assertThat(sheet.rows().get(at).get(6)).isEqualTo(xiji.gradeName());
        List<UnitRanking> high = RankingTable.filter(all, null, "HIGH");
        assertThat(Xlsx.read(file("/monitoring/export?period=2021-03&grade=HIGH", ANALYST)).column("单位"))
                .containsExactlyElementsOf(high.stream().map(r -> (Object) r.unitName()).toList());
    }

    @Test
    void aCountySeesAndExportsOnlyItsOwnResultAndIndicators() throws Exception {
        String html = page("/monitoring?period=2021-03", XIJI);
        assertThat(html).contains("西吉县").contains("共 1 条").doesNotContain("泾源县");
        Xlsx own = Xlsx.read(file("/monitoring/export?period=2021-03", XIJI));
        assertThat(own.column("单位代码")).containsExactly("640422");

        ResultExplanation e = results.explanation(results.latestRun(MARCH).orElseThrow().id(), "640422");
        Xlsx indicators = Xlsx.read(file("/monitoring/units/640422/export?period=2021-03", XIJI));
        assertThat(indicators.headers()).containsExactly("指标", "公式", "数据", "分档", "得分", "满分", "说明");
        assertThat(indicators.rows()).hasSize(e.indicators().size());
        assertThat(indicators.column("得分").get(0)).isEqualTo(e.indicators().get(0).points().doubleValue());
        assertThat(indicators.column("指标").get(0)).isEqualTo(e.indicators().get(0).name());
        mvc.perform(get("/monitoring/units/640424/export?period=2021-03").with(XIJI)).andExpect(status().isForbidden());
    }
}
