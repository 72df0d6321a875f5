package cn.sanbao.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
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
import cn.sanbao.projects.demand.DemandService;
import cn.sanbao.projects.demand.ScopeRepository;
import cn.sanbao.projects.demo.ProjectsDemoLoader;
import cn.sanbao.projects.library.ProjectRepository;
import cn.sanbao.projects.list.GuaranteeListRepository;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;

/** The projects screens are Chinese by default and English with ?lang=en; data values stay as they are. */
@SpringBootTest
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(ProjectsTest.FakePayments.class)
@BothDatabases
class ProjectsLanguageTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles("ANALYST");
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_LOCAL", () -> "SCOPE_640422");

    @Autowired MockMvc mvc;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired GuaranteeListRepository lists;
    @Autowired ScopeRepository scopes;
    @Autowired DemandService demand;
    @Autowired ProjectRepository projects;

    @BeforeEach
    void demo() {
        DemoData.ensureLoaded(facts, scoring, results);
        synchronized (ProjectsTest.class) {
            if (projects.ofUnit("640422", 2021).isEmpty()) new ProjectsDemoLoader(lists, scopes, demand, projects).load();
        }
    }

    String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** path, user, English texts, Chinese texts (the Chinese page has all of them, the English page none). */
    void bothLanguages(String path, RequestPostProcessor who, String[] english, String[] chinese) throws Exception {
        String en = page(path + (path.contains("?") ? "&" : "?") + "lang=en", who);
        assertThat(en).as(path).contains(english).doesNotContain("??").doesNotContain(chinese);
        String zh = page(path, who);
        assertThat(zh).as(path).contains(chinese).doesNotContain("??").doesNotContain(english);
    }

    @Test
    void everyProjectsScreenForTheAnalyst() throws Exception {
        long id = projects.ofUnit("640422", 2021).get(0).id();
        bothLanguages("/projects/list", ANALYST,
                new String[] {"Sanbao guarantee list", "Regional standard", "Save as new version", ">Demand estimation<"},
                new String[] {"三保保障清单", ">地区标准<", "保存为新版本", ">需求测算<"});
        bothLanguages("/projects/demand?year=2021&unit=640422", ANALYST,
                new String[] {"Sanbao demand estimation 2021", "Annual standard (yuan)", "Re-estimate with the current list"},
                new String[] {"2021 年三保需求测算", "年标准（元）", "按现行清单重新测算"});
        bothLanguages("/projects/library?year=2021", ANALYST,
                new String[] {"Project library 2021", "Budget agency", "Export to Excel", ">Filter<"},
                new String[] {"2021 年项目库", ">预算单位<", "导出 Excel", ">筛选<"});
        bothLanguages("/projects/library/" + id, ANALYST,
                new String[] {"State changes", "Edit project", ">Project code<", "Trace payments"},
                new String[] {"状态流转", "修改项目", "追溯支付"});
        bothLanguages("/projects/review?year=2021", ANALYST,
                new String[] {"Budget review 2021", "Findings", "Hard gaps and demand without projects"},
                new String[] {"2021 年预算编审", "问题数", "硬缺口及无项目需求"});
        bothLanguages("/projects/review/640422?year=2021", ANALYST,
                new String[] {"budget review result 2021", "Review rules", ">Rule<"},
                new String[] {"2021 年预算编审结果", "编审规则", ">规则<"});
        bothLanguages("/projects/trace/640422?year=2021&pillar=WAGE&upTo=2021-07-31&project=" + ProjectsTest.PAID_PROJECT, ANALYST,
                new String[] {"traceability", "Payments up to", "Time progress", "Unpaid past mid-year", "payment details", "Voucher no."},
                new String[] {"年保工资追溯", "支付截至", "时序进度", "过半年未支付", "支付明细", "凭证号"});
    }

    @Test
    void countyUserSeesItsScreensInEnglish() throws Exception {
        bothLanguages("/projects/library?year=2021&unit=640422", XIJI,
                new String[] {"Project library 2021", "Sanbao tag"}, new String[] {"2021 年项目库", "三保标识"});
        bothLanguages("/projects/review/640422?year=2021", XIJI,
                new String[] {"budget review result 2021", "Traceability"}, new String[] {"2021 年预算编审结果", "编审规则"});
        bothLanguages("/projects/demand?year=2021&unit=640422", XIJI,
                new String[] {"Sanbao demand estimation 2021", "estimation lines"}, new String[] {"2021 年三保需求测算", "测算明细"});
    }

    @Test
    void dataStaysAsItIsInEnglish() throws Exception {
        String en = page("/projects/review/640422?year=2021&lang=en", ANALYST);
        // unit name and the review status come from the model, not from the bundle
        assertThat(en).contains("西吉县", "有缺口", "清单项目安排低于需求");
    }
}
