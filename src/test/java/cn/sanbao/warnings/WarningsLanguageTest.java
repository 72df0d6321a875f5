package cn.sanbao.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

/** Warning screens are Chinese by default and English with ?lang=en; letters, unit names and grades from the data stay Chinese. */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class WarningsLanguageTest {

    static final RequestPostProcessor ANALYST = WarningsWebTest.ANALYST;
    static final RequestPostProcessor XIJI = WarningsWebTest.XIJI;

    @Autowired MockMvc mvc;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired PublicationRepository publications;
    @Autowired PublicationService publishing;
    @Autowired RegionTree regions;

    @BeforeEach
    void published() {
        // loads the demo data (DemoData.ensureLoaded) and publishes the demo year once
        WarningsFixture.demoPublished(facts, scoring, results, publications, new WarningsDemo(publishing, publications, results, regions));
    }

    Warning warningOf(String unit, String period) {
        return publications.warningsOfPublication(publications.latestPublication(period).orElseThrow().id()).stream()
                .filter(w -> w.unitCode().equals(unit)).findFirst().orElseThrow();
    }

    String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    String english(String path, RequestPostProcessor who) throws Exception {
        return page(path + (path.contains("?") ? "&" : "?") + "lang=en", who);
    }

    @Test
    void everyWarningScreenHasItsTextsInBothLanguages() throws Exception {
        Warning jingyuan = warningOf("640424", "2021-04");
        Warning xiji = warningOf("640422", "2021-03");
        Object[][] screens = {
                // path, user, English texts, Chinese labels that must not remain in English
                // grade names are the model's (as on the result screens), not screen text, so they are not translated
                {"/warnings?city=640400", ANALYST, new String[]{"Warning cases", "Filter", "Publications", "Plan due"},
                        new String[]{"预警处置</h1>", "筛选", "发布记录", "方案反馈期限", "所属市"}},
                {"/warnings", XIJI, new String[]{"Warning cases", "Last warned", "Rectification due"},
                        new String[]{"筛选", "最近预警期间", "整改期限"}},
                {"/warnings/cases/" + jingyuan.caseId(), ANALYST, new String[]{"Warning case #" + jingyuan.caseId(), "Warnings and warning letters",
                        "Case history", "Delivery log", "Back to the list"},
                        new String[]{"历次预警与提示函", "处理记录", "返回列表", "添加意见", "主要问题", "最近错误"}},
                {"/warnings/cases/" + xiji.caseId(), XIJI, new String[]{"Warning case #" + xiji.caseId(), "Attachments", "Add comment"},
                        new String[]{"历次预警与提示函", "主要问题", "添加意见"}},
                {"/warnings/letters/" + jingyuan.id(), ANALYST, new String[]{"Warning letter preview", "Back to the warning case", "Download PDF"},
                        new String[]{"提示函预览", "返回预警事项", "下载 PDF"}},
                {"/warnings/deliveries", ANALYST, new String[]{"Warning message delivery log", "All statuses", "Idempotency key"},
                        new String[]{"预警消息发送记录", "全部状态", "幂等键", "下次尝试"}},
                {"/warnings/settings", ANALYST, new String[]{"Warning settings", "Warning letter template", "Warning contacts", "Save template",
                        "Add contact", "Available placeholders"},
                        new String[]{"提示函模板与预警联系人", "保存模板", "添加联系人", "可用占位符", "企业微信机器人"}},
        };
        for (Object[] screen : screens) {
            String path = (String) screen[0];
            RequestPostProcessor who = (RequestPostProcessor) screen[1];
            String[] en = (String[]) screen[2];
            String[] zh = (String[]) screen[3];
            String englishPage = english(path, who);
            assertThat(englishPage).as(path).contains("<html lang=\"en\"").contains(en).doesNotContain("??").doesNotContain(zh);
            String chinesePage = page(path, who);
            assertThat(chinesePage).as(path).contains("<html lang=\"zh-CN\"").contains(zh).doesNotContain("??").doesNotContain(en);
        }
    }

    @Test
    void dataStaysAsItIsInEnglish() throws Exception {
        Warning w = warningOf("640424", "2021-04");
        String list = english("/warnings?city=640400", ANALYST);
        assertThat(list).contains("泾源县", "问责");
        String letter = english("/warnings/letters/" + w.id(), ANALYST);
        assertThat(letter).contains(w.letterNo(), "泾源县财政局：", "宁夏回族自治区财政厅");
        String chinese = page("/warnings/cases/" + w.caseId(), ANALYST);
        assertThat(chinese).contains("预警事项 #" + w.caseId() + " 泾源县", "状态 <b>", "升级处置");
    }
}
