package cn.sanbao.navigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.junit.jupiter.api.BeforeEach;
import cn.sanbao.decision.affordability.AffordabilityService;
import cn.sanbao.decision.allocation.AllocationService;
import cn.sanbao.decision.demo.DecisionDemoLoader;
import cn.sanbao.decision.dispatch.DispatchService;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.projects.demand.DemandService;
import cn.sanbao.projects.demand.ScopeRepository;
import cn.sanbao.projects.demo.ProjectsDemoLoader;
import cn.sanbao.projects.library.ProjectRepository;
import cn.sanbao.projects.list.GuaranteeListRepository;
import cn.sanbao.region.RegionTree;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;
import cn.sanbao.warnings.PublicationRepository;
import cn.sanbao.warnings.PublicationService;
import cn.sanbao.warnings.WarningsDemo;
import org.springframework.test.web.servlet.MockMvc;
import cn.sanbao.security.Access;
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.SiteCrawl;

/**
 * Every role of the demo follows every link it is shown: none answers 403, 404 or 5xx; every form or button it
 * is shown submits to an endpoint the role may call; the menu shows only what the role may open; and errors are
 * pages of the site (or JSON on the API), never Spring's English Whitelabel page or a stack trace.
 */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class SiteNavigationTest {

    /** The demo accounts (security.InitialAccounts) with the authorities they sign in with. */
    static final Map<String, List<String>> USERS = new LinkedHashMap<>();

    static {
        USERS.put("admin", List.of("ROLE_" + Roles.SYSTEM_ADMIN));
        USERS.put("security", List.of("ROLE_" + Roles.SECURITY_ADMIN));
        USERS.put("auditor", List.of("ROLE_" + Roles.AUDITOR));
        USERS.put("analyst", List.of("ROLE_" + Roles.ANALYST));
        USERS.put("leader", List.of("ROLE_" + Roles.LEADER));
        USERS.put("xiji", List.of("ROLE_" + Roles.LOCAL, Roles.SCOPE_PREFIX + "640422"));
        USERS.put("yinchuan", List.of("ROLE_" + Roles.LOCAL, Roles.SCOPE_PREFIX + "640100"));
    }

    @Autowired MockMvc mvc;
    @Autowired Access access;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired GuaranteeListRepository lists;
    @Autowired ScopeRepository scopes;
    @Autowired DemandService demand;
    @Autowired ProjectRepository projects;
    @Autowired PublicationService publishing;
    @Autowired PublicationRepository publications;
    @Autowired RegionTree regions;
    @Autowired DispatchService dispatch;
    @Autowired AllocationService allocation;
    @Autowired AffordabilityService affordability;

    /** The demo year as the application loads it on first start: results, projects, published warnings, decisions. */
    @BeforeEach
    void demo() {
        DemoData.ensureLoaded(facts, scoring, results);
        synchronized (SiteNavigationTest.class) {
            if (projects.ofUnit("640422", 2021).isEmpty()) new ProjectsDemoLoader(lists, scopes, demand, projects).load();
            new WarningsDemo(publishing, publications, results, regions).run(null);
            new DecisionDemoLoader(dispatch, allocation, affordability).run(null);
        }
    }

    static Authentication signedIn(String name) {
        var authorities = USERS.get(name).stream().map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(User.withUsername(name).password("-").authorities(authorities).build(),
                null, authorities);
    }

    @Test
    void noRoleIsShownALinkOrButtonItCannotUse() throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> broken = new ArrayList<>();
        List<String> refusedForms = new ArrayList<>();
        for (String name : USERS.keySet()) {
            Authentication who = signedIn(name);
            List<SiteCrawl.Page> pages = new SiteCrawl(mvc, authentication(who)).from("/", "/home", "/dashboard");
            counts.put(name, pages.size());
            for (SiteCrawl.Page p : pages) {
                // the start paths are tried for every role; only links a page shows must work
                if (!p.works() && !"(start)".equals(p.from())) broken.add(name + ": " + p.url() + " → " + p.status() + "（来自 " + p.from() + "）");
                for (SiteCrawl.Form f : p.forms()) {
                    if (f.action().equals("/logout")) continue;
                    if (!access.may(f.method(), f.action(), who)) refusedForms.add(name + ": " + f.method() + " " + f.action() + "（在 " + p.url() + "）");
                }
            }
            // every role that has screens sees more than its start page
            assertThat(pages.stream().filter(SiteCrawl.Page::works).count()).as(name).isGreaterThan(1);
        }
        System.out.println("各角色爬取的页面数：" + counts);
        assertThat(broken).as("指向 403/404/5xx 的链接").isEmpty();
        assertThat(refusedForms.stream().distinct().toList()).as("角色无权提交的表单或按钮").isEmpty();
    }

    @Test
    void theMenuShowsOnlyWhatTheRoleMayOpen() throws Exception {
        String xiji = page("/dashboard", "xiji");
        assertThat(menu(xiji)).contains("总览", "监测结果", "预警处置", "报告").doesNotContain("监测模型", "用户管理", "审计日志");
        assertThat(menu(page("/dashboard", "leader"))).contains("监测模型", "报告").doesNotContain("用户管理");
        assertThat(menu(page("/audit", "auditor"))).contains("审计日志").doesNotContain("总览", "用户管理", "接口文档");
        // what the leader reads it may not change: no generate or upload buttons
        assertThat(page("/reports", "leader")).contains("在线预览").doesNotContain("生成报告", "id=\"generate\"");
        assertThat(page("/intake", "leader")).doesNotContain("上传并检查");
        assertThat(page("/projects/list", "leader")).doesNotContain("保存为新版本", ">修改<");
        assertThat(page("/reports", "analyst")).contains("生成报告");
        // the same rules answer the request itself
        assertThat(access.may("POST", "/reports/generate", signedIn("leader"))).isFalse();
        mvc.perform(post("/reports/generate").param("kind", "PROVINCE_MONTHLY").param("period", "2021-12").param("formats", "PDF")
                .with(authentication(signedIn("leader"))).with(csrf())).andExpect(status().isForbidden());
        assertThat(access.may("GET", "/models", signedIn("xiji"))).isFalse();
        mvc.perform(get("/models").with(authentication(signedIn("xiji")))).andExpect(status().isForbidden());
    }

    /** The error page as the container shows it after a failed request (MockMvc does not forward to /error itself). */
    String errorPage(int status, String path, String who) throws Exception {
        var response = mvc.perform(get("/error").with(authentication(signedIn(who)))
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status).requestAttr(RequestDispatcher.ERROR_REQUEST_URI, path)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("boom at cn.sanbao.Secret")))
                .andExpect(status().is(status)).andReturn().getResponse();
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void errorsAreSitePagesInChineseWithAWayBack() throws Exception {
        Map<Integer, String> titles = Map.of(400, "请求有误", 403, "无权访问", 404, "页面不存在", 405, "不支持的操作方式",
                413, "上传的文件太大", 500, "系统出错");
        for (var e : titles.entrySet()) {
            String html = errorPage(e.getKey(), "/intake", "xiji");
            assertThat(html).as("%s", e.getKey()).contains(e.getValue(), "id=\"error-home\"", "href=\"/home\"", "预警处置")
                    .doesNotContain("Whitelabel", "boom", "Exception", "cn.sanbao.Secret", "at org.");
        }
        // the API keeps answering JSON, in Chinese
        var api = mvc.perform(get("/error").with(authentication(signedIn("xiji")))
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403).requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/runs"))
                .andExpect(status().isForbidden()).andReturn().getResponse();
        assertThat(api.getContentType()).startsWith("application/json");
        assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":403", "无权访问此接口");
    }

    String page(String path, String who) throws Exception {
        return mvc.perform(get(path).with(authentication(signedIn(who)))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The text of the top navigation. */
    static String menu(String html) {
        int start = html.indexOf("<nav");
        return html.substring(start, html.indexOf("</nav>", start)).replaceAll("<[^>]+>", " ");
    }
}
