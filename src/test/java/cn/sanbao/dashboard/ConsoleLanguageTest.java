package cn.sanbao.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.security.Roles;
import cn.sanbao.shared.web.LocaleConfig;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;

/** Screens are Chinese by default and English with ?lang=en, which a cookie then remembers. */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class ConsoleLanguageTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles(Roles.ANALYST);
    static final RequestPostProcessor YINCHUAN = user("yinchuan").authorities(() -> "ROLE_" + Roles.LOCAL, () -> "SCOPE_640100");

    @Autowired MockMvc mvc;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;

    @BeforeEach
    void demo() {
        DemoData.ensureLoaded(facts, scoring, results);
    }

    String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void loginIsChineseByDefaultEvenForAnEnglishBrowserAndEnglishOnRequest() throws Exception {
        String zh = page(get("/login").header("Accept-Language", "en-US,en;q=0.9"));
        assertThat(zh).contains("<html lang=\"zh-CN\"", "三保运行监测预警平台", ">用户名<", ">密码<", ">登录</button>")
                .doesNotContain("Sign in", "??");
        String en = page(get("/login").param("lang", "en"));
        assertThat(en).contains("<html lang=\"en\"", "Sanbao Fiscal Monitoring and Early Warning", ">User name<", ">Password<",
                ">Sign in</button>").doesNotContain("用户名", "??");
    }

    @Test
    void dashboardFollowsTheChosenLanguageAndTheCookieKeepsIt() throws Exception {
        String zh = page(get("/dashboard").param("period", "2021-03").with(ANALYST));
        assertThat(zh).contains("各县（市、区）等级分布（示意图）", "单位排名", ">总览<", ">监测结果<", "自治区分析员", "导出 Excel")
                .doesNotContain("Grades by county (schematic)", "??");

        MvcResult switched = mvc.perform(get("/dashboard").param("period", "2021-03").param("lang", "en").with(ANALYST))
                .andExpect(status().isOk()).andReturn();
        String en = switched.getResponse().getContentAsString();
        assertThat(en).contains("Grades by county (schematic)", "Ranking", ">Dashboard<", ">Results<", "Regional analyst", "Export to Excel",
                "Page {0} of {1}, {2} units").doesNotContain("各县（市、区）等级分布（示意图）", "单位排名", "??");
        // data stays as it is: unit and grade names from the model
        assertThat(en).contains("西吉县", "高度风险");
        // the switcher keeps the page's parameters
        assertThat(en).contains("/dashboard?period=2021-03&amp;lang=zh-CN");

        Cookie cookie = switched.getResponse().getCookie(LocaleConfig.COOKIE);
        assertThat(cookie).isNotNull();
        String remembered = page(get("/monitoring").param("period", "2021-03").cookie(cookie).with(ANALYST));
        assertThat(remembered).contains("monitoring results", "Score", "Previous grade").doesNotContain("??");
    }

    @Test
    void unitPageAndHeaderRoleInEnglish() throws Exception {
        String en = page(get("/monitoring/units/640100").param("period", "2021-03").param("lang", "en").with(YINCHUAN));
        assertThat(en).contains("Score and grade over the year", "Indicators", "City user").doesNotContain("??", "指标明细");
        String zh = page(get("/monitoring/units/640100").param("period", "2021-03").with(YINCHUAN));
        assertThat(zh).contains("全年得分与等级", "指标明细", "市级用户");
    }

    @Test
    void everyConsoleScreenHasAllItsTextsInBothLanguages() throws Exception {
        Object[][] screens = {
                {"/admin/users", user("m-sys").roles(Roles.SYSTEM_ADMIN), "User administration", "用户管理"},
                {"/admin/roles", user("m-sec").roles(Roles.SECURITY_ADMIN), "Roles and unit scope", "角色与权限范围"},
                {"/audit", user("m-aud").roles(Roles.AUDITOR), "Each record is chained", "每条记录以哈希值与前一条相链"},
                {"/account/password", ANALYST, "Change password", "再次输入新密码"},
                {"/models", ANALYST, "All versions", "全部版本"},
                {"/models/1", ANALYST, "Model source (YAML)", "模型原文（YAML）"},
                {"/monitoring?period=2021-W05", ANALYST, "Weeks", "周度"},
        };
        for (Object[] screen : screens) {
            String path = (String) screen[0];
            RequestPostProcessor who = (RequestPostProcessor) screen[1];
            String en = page(get(path + (path.contains("?") ? "&" : "?") + "lang=en").with(who));
            assertThat(en).as(path).contains((String) screen[2]).doesNotContain("??", (String) screen[3]);
            String zh = page(get(path).with(who));
            assertThat(zh).as(path).contains((String) screen[3]).doesNotContain("??", (String) screen[2]);
        }
    }
}
