package cn.sanbao.navigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

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
import cn.sanbao.facts.FactStore;
import cn.sanbao.monitoring.ResultQueries;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.projects.demand.DemandService;
import cn.sanbao.projects.demand.ScopeStore;
import cn.sanbao.projects.demo.ProjectsDemoLoader;
import cn.sanbao.projects.library.ProjectStore;
import cn.sanbao.projects.list.GuaranteeListStore;
import cn.sanbao.region.RegionTree;
import cn.sanbao.testsupport.DemoData;
import cn.sanbao.warnings.PublicationRepository;
import cn.sanbao.warnings.PublicationService;
import cn.sanbao.warnings.WarningsDemo;
import org.springframework.test.web.servlet.MockMvc;
import cn.sanbao.security.Access;
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.SiteCrawl;

/**
 * Every role of the demo, signed in as its real account, follows every link it is shown: none answers 403,
 * 404 or 5xx; and every form or button it is shown submits to an endpoint the role may call.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class SiteLinksContract {

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
    @Autowired FactStore facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultQueries results;
    @Autowired GuaranteeListStore lists;
    @Autowired ScopeStore scopes;
    @Autowired DemandService demand;
    @Autowired ProjectStore projects;
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
        synchronized (SiteLinksContract.class) {
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
}
