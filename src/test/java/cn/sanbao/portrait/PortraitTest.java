package cn.sanbao.portrait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
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
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.region.RegionTree;
import cn.sanbao.reports.PdfText;
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;
import cn.sanbao.testsupport.Xlsx;

/**
 * 单位画像 on the demo year: what a leader reads (grades, ranks, moves, runway), who may open which unit, and the
 * PDF and Excel files. Runs on H2 and PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class PortraitTest {

    static final RequestPostProcessor LEADER = user("leader").roles(Roles.LEADER);
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_" + Roles.LOCAL, () -> Roles.SCOPE_PREFIX + "640422");
    static final RequestPostProcessor GUYUAN = user("guyuan").authorities(() -> "ROLE_" + Roles.LOCAL, () -> Roles.SCOPE_PREFIX + "640400");

    @Autowired MockMvc mvc;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired RegionTree regions;

    @BeforeEach
    void demo() {
        DemoData.ensureLoaded(facts, scoring, results);
    }

    String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void leaderReadsGradesRanksMovesAndRunwayOfACounty() throws Exception {
        String html = page("/units/640422?period=2021-12", LEADER);
        assertThat(html).contains("西吉县", "单位画像", "2021年12月", "二、等级历史", "三、各指标走势与分档", "四、四梁支出执行与时序进度",
                "五、库款保障与预测", "六、排名", "七、未销号的预警事项", "八、与上期相比变化最大的指标");
        // every stored month is in the grade history, newest first
        for (int m = 1; m <= 12; m++) assertThat(html).contains("2021年" + m + "月");
        // small multiples: one chart per indicator of the model, drawn from data-json (no inline script)
        assertThat(html).contains("data-chart=\"indicator-0\"", "data-chart=\"indicator-11\"", "data-chart=\"pillars\"",
                "data-chart=\"runway\"", "data-chart=\"grades\"", "分档线 92%").doesNotContain("<script>");
        // ranks are counted from the stored totals: the same order as the period's results
        List<UnitRanking> all = results.ranking(Period.month(2021, 12), u -> true);
        BigDecimal own = all.stream().filter(r -> r.unitCode().equals("640422")).findFirst().orElseThrow().total();
        List<UnitRanking> budget = all.stream().filter(r -> !r.consolidated() && r.total() != null).toList();
        List<UnitRanking> city = budget.stream().filter(r -> regions.isWithin(r.unitCode(), "640400")).toList();
        assertThat(html).contains("在固原市所属预算单位中排第 " + (1 + city.stream().filter(r -> r.total().compareTo(own) > 0).count())
                + " 名（共 " + city.size() + " 个）");
        assertThat(html).contains("在全区预算单位中排第 " + (1 + budget.stream().filter(r -> r.total().compareTo(own) > 0).count())
                + " 名（共 " + budget.size() + " 个）");
        assertThat(html).contains("库款保障水平", "安全区间为月均支出的 0.3–0.8 个月");
        // the link to the monitoring page of the same month, and every table's own Excel link
        assertThat(html).contains("/monitoring/units/640422?period=2021-12", "/units/640422/export?period=2021-12&amp;table=0");
    }

    @Test
    void monitoringPagesAndListsLinkThePortrait() throws Exception {
        assertThat(page("/monitoring/units/640422?period=2021-06", XIJI)).contains("href=\"/units/640422?period=2021-06\"");
        assertThat(page("/monitoring?period=2021-06", LEADER)).contains("href=\"/units/640104?period=2021-06\"");
        assertThat(page("/decision/runway?month=2021-06", LEADER)).contains("href=\"/units/640422\"");
    }

    @Test
    void cityIsRankedAmongCitiesAndHasNoRunwayOfItsOwn() throws Exception {
        String html = page("/units/640400", LEADER);
        assertThat(html).contains("固原市", "在全区各市中排第 ", "汇总单位没有自己的国库库款");
    }

    @Test
    void countyUserSeesOnlyItsOwnUnitAndCityUserItsCounties() throws Exception {
        assertThat(page("/units/640422", XIJI)).doesNotContain("href=\"/units/640400");
        mvc.perform(get("/units/640423").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(get("/units/640400").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(get("/units/640422/pdf").with(XIJI)).andExpect(status().isOk());
        mvc.perform(get("/units/640423/pdf").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(get("/units/640423/export").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(get("/units").with(XIJI)).andExpect(redirectedUrl("/units/640422"));
        page("/units/640400", GUYUAN);
        page("/units/640423", GUYUAN);
        mvc.perform(get("/units/640100").with(GUYUAN)).andExpect(status().isForbidden());
        mvc.perform(get("/units").with(LEADER)).andExpect(redirectedUrl("/units/" + regions.root().code()));
    }

    @Test
    void unknownUnitAndBadPeriodAreRefusedWithAMessage() throws Exception {
        mvc.perform(get("/units/999999").with(LEADER)).andExpect(status().isNotFound());
        mvc.perform(get("/units/640422?period=2030-01").with(LEADER)).andExpect(status().isNotFound());
        mvc.perform(get("/units/640422/export?table=99").with(LEADER)).andExpect(status().isBadRequest());
    }

    @Test
    void pdfHasTheSectionsAndCharts() throws Exception {
        byte[] pdf = mvc.perform(get("/units/640422/pdf?period=2021-12").with(LEADER)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf")).andReturn().getResponse().getContentAsByteArray();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "portrait-640422.pdf"), pdf);
        String text = PdfText.of(pdf);
        if (text == null) return; // PdfText said why (pdftotext missing)
        assertThat(text).contains("西吉县单位画像（2021年12月）", "二、等级历史", "各月总分与等级", "六、排名", "在全区预算单位中排第",
                "库款预测（万元）");
        assertThat(text.replace(" ", "")).contains("第1页共");
        // the charts are images (JFreeChart), titled in the image, not text: the PDF has several pages of them
        assertThat(text.split("\f").length).isGreaterThan(3);
    }

    @Test
    void everyTableExportsToExcel() throws Exception {
        byte[] all = mvc.perform(get("/units/640422/export?period=2021-12").with(LEADER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Xlsx history = Xlsx.read(all, 0);
        assertThat(history.headers()).containsExactly("期间", "总分", "等级", "一票否决", "数据缺失");
        assertThat(history.rows()).hasSize(12);
        assertThat(history.rows().get(0).get(0)).isEqualTo("2021年12月");
        byte[] ranks = mvc.perform(get("/units/640422/export?period=2021-12&table=4").with(LEADER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Xlsx r = Xlsx.read(ranks);
        assertThat(r.headers()).containsExactly("范围", "参与排名", "名次", "单位数");
        assertThat(r.rows()).extracting(row -> row.get(0)).containsExactly("所在市", "全区");
    }
}
