package cn.sanbao.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.projects.demand.DemandService;
import cn.sanbao.projects.demand.ScopeRepository;
import cn.sanbao.projects.demo.ProjectsDemoLoader;
import cn.sanbao.projects.library.ProjectRepository;
import cn.sanbao.projects.list.GuaranteeListRepository;
import cn.sanbao.testsupport.BothDatabases;
import tools.jackson.databind.ObjectMapper;

/** Screens and JSON API of the projects capability, with unit scope and roles. */
@SpringBootTest
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(ProjectsTest.FakePayments.class)
@BothDatabases
class ProjectsWebTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles("ANALYST");
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_LOCAL", () -> "SCOPE_640422");

    @Autowired MockMvc mvc;
    @Autowired GuaranteeListRepository lists;
    @Autowired ScopeRepository scopes;
    @Autowired DemandService demand;
    @Autowired ProjectRepository projects;
    @Autowired AuditLog audit;

    @BeforeEach
    void demo() {
        synchronized (ProjectsTest.class) {
            if (projects.ofUnit("640422", 2021).isEmpty()) new ProjectsDemoLoader(lists, scopes, demand, projects).load();
        }
    }

    @Test
    void everyScreenRendersForTheAnalyst() throws Exception {
        long id = projects.ofUnit("640422", 2021).get(0).id();
        for (String url : new String[] {"/projects/list", "/projects/demand?year=2021&unit=640422", "/projects/library?year=2021&unit=640422",
                "/projects/library/" + id, "/projects/review?year=2021", "/projects/review/640422?year=2021",
                "/projects/trace/640422?year=2021&pillar=WAGE&upTo=2021-07-31&project=" + ProjectsTest.PAID_PROJECT}) {
            mvc.perform(get(url).with(ANALYST)).andExpect(status().isOk());
        }
        mvc.perform(get("/projects/review/640422?year=2021").with(ANALYST))
                .andExpect(content().string(Matchers.containsString("有缺口")))
                .andExpect(content().string(Matchers.containsString("清单项目安排低于需求")));
        mvc.perform(get("/projects/trace/640422?year=2021&pillar=WAGE&upTo=2021-07-31").with(ANALYST))
                .andExpect(content().string(Matchers.containsString("过半年未支付")));
        mvc.perform(get("/projects/review/640422/export?year=2021").with(ANALYST)).andExpect(status().isOk())
                .andExpect(content().contentType(LibraryApi.XLSX));
    }

    @Test
    void countyUserSeesOnlyItsOwnUnit() throws Exception {
        mvc.perform(get("/api/projects/library/2021").with(XIJI)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].unitCode", Matchers.everyItem(Matchers.is("640422"))))
                .andExpect(jsonPath("$.length()", Matchers.greaterThan(10)));
        mvc.perform(get("/api/projects/review/640104/2021").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(get("/projects/trace/640104?year=2021").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(get("/api/projects/review/640422/2021").with(XIJI)).andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[0].ruleCode").value("HARD_GAP"));
        mvc.perform(post("/api/projects/demand/2021/estimate").with(csrf()).with(XIJI)).andExpect(status().isForbidden());
        assertThat(audit.recent(20)).anyMatch(e -> e.action().equals("SCOPE_DENIED") && "640104".equals(e.target()));
    }

    @Test
    void listEditThroughTheApiIsCheckedVersionedAndAudited() throws Exception {
        long before = lists.current().orElseThrow().id();
        Map<String, String> cells = new HashMap<>(GuaranteeListRepository.cells(lists.current().orElseThrow().item("L05", 2021).orElseThrow()));
        cells.put("standard", "600.00"); // national minimum is 670
        mvc.perform(put("/api/projects/list/items").with(csrf()).with(ANALYST).contentType(MediaType.APPLICATION_JSON)
                        .content(new ObjectMapper().writeValueAsString(cells)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details[0]").value("清单编辑 standard 列：地区标准 600.00 低于国家最低标准 670.00"));
        assertThat(lists.current().orElseThrow().id()).isEqualTo(before);
        cells.put("standard", "760.00");
        mvc.perform(put("/api/projects/list/items").with(csrf()).with(ANALYST).contentType(MediaType.APPLICATION_JSON)
                .content(new ObjectMapper().writeValueAsString(cells))).andExpect(status().isOk());
        assertThat(lists.current().orElseThrow().item("L05", 2021).orElseThrow().standard()).isEqualByComparingTo("760");
        assertThat(lists.version(before).item("L05", 2021).orElseThrow().standard()).isEqualByComparingTo("720");
        assertThat(audit.recent(5)).anyMatch(e -> e.action().equals("GUARANTEE_LIST_VERSION") && e.detail().contains("L05"));
        // restore the shipped standard so other tests estimate with it
        cells.put("standard", "720.00");
        mvc.perform(put("/api/projects/list/items").with(csrf()).with(ANALYST).contentType(MediaType.APPLICATION_JSON)
                .content(new ObjectMapper().writeValueAsString(cells))).andExpect(status().isOk());
        mvc.perform(put("/api/projects/list/items").with(csrf()).with(XIJI).contentType(MediaType.APPLICATION_JSON)
                .content(new ObjectMapper().writeValueAsString(cells))).andExpect(status().isForbidden());
    }

    @Test
    void formErrorsAreShownInChineseAndNothingChanges() throws Exception {
        long id = projects.ofUnit("640423", 2021).get(0).id();
        mvc.perform(post("/projects/library/" + id + "/state").with(ANALYST).with(csrf()).param("to", "RESERVE"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("errors",
                        java.util.List.of("项目状态不能从“批复”变为“储备”")));
        assertThat(projects.get(id).state().label()).isEqualTo("批复");
    }

    @Test
    void projectEditedOnItsPageBecomesANewVersionWithItsChangeAudited() throws Exception {
        var p = projects.ofUnit("640424", 2021).get(0);
        String page = mvc.perform(get("/projects/library/" + p.id()).with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"" + p.name() + "\"", "value=\"" + p.amount().toPlainString() + "\"");
        Map<String, String> cells = new HashMap<>(cn.sanbao.projects.library.ProjectLibrary.cells(p));

        // wrong input: nothing stored, each problem under its field, the typed text kept
        cells.put("金额（元）", "abc");
        mvc.perform(post("/projects/library/" + p.id()).with(ANALYST).with(csrf()).params(form(cells)))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("fieldErrors",
                        Map.of("金额（元）", "金额不是数字：“abc”")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("form", cells));
        assertThat(projects.changes(p.id())).isEmpty();

        cells.put("金额（元）", p.amount().add(java.math.BigDecimal.TEN).toPlainString());
        mvc.perform(post("/projects/library/" + p.id()).with(ANALYST).with(csrf()).params(form(cells)))
                .andExpect(status().is3xxRedirection());
        String change = "金额（元）：" + p.amount().toPlainString() + " → " + p.amount().add(java.math.BigDecimal.TEN).toPlainString();
        assertThat(projects.get(p.id()).amount()).isEqualByComparingTo(p.amount().add(java.math.BigDecimal.TEN));
        assertThat(projects.changes(p.id())).singleElement().satisfies(c -> {
            assertThat(c.version()).isEqualTo(2);
            assertThat(c.actor()).isEqualTo("analyst");
            assertThat(c.change()).isEqualTo(change);
        });
        assertThat(audit.recent(5)).anyMatch(e -> e.action().equals("PROJECT_UPDATE") && e.detail().equals(change));
        // saving the same again is refused: there is nothing to make a version of
        mvc.perform(post("/projects/library/" + p.id()).with(ANALYST).with(csrf()).params(form(cells)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("errors",
                        java.util.List.of("内容与当前版本相同，没有需要保存的修改")));
        assertThat(projects.changes(p.id())).hasSize(1);
        // a county user may not edit
        mvc.perform(post("/projects/library/" + p.id()).with(XIJI).with(csrf()).params(form(cells))).andExpect(status().isForbidden());
    }

    @Test
    void listItemEditedOnThePageNamesEachChangedFieldInChinese() throws Exception {
        long before = lists.current().orElseThrow().id();
        String page = mvc.perform(get("/projects/list").param("edit", "L06").param("editYear", "2021").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("修改清单项目 L06", "县级分担比例", "value=\"4800.00\"").doesNotContain(">share_county<");
        Map<String, String> cells = new HashMap<>(GuaranteeListRepository.cells(lists.current().orElseThrow().item("L06", 2021).orElseThrow()));
        String standard = cells.get("standard");
        cells.put("standard", "1.00");
        mvc.perform(post("/projects/list/items").with(ANALYST).with(csrf()).params(form(cells)))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/projects/list?edit=L06&editYear=2021#item-form"));
        assertThat(lists.current().orElseThrow().id()).isEqualTo(before);
        cells.put("standard", "9999.00");
        mvc.perform(post("/projects/list/items").with(ANALYST).with(csrf()).params(form(cells))).andExpect(status().is3xxRedirection());
        assertThat(lists.current().orElseThrow().id()).isGreaterThan(before);
        assertThat(audit.recent(5)).anyMatch(e -> e.action().equals("GUARANTEE_LIST_VERSION")
                && e.detail().contains("地区标准（元）：" + standard + " → 9999.00"));
        cells.put("standard", standard); // restore the shipped standard so other tests estimate with it
        mvc.perform(post("/projects/list/items").with(ANALYST).with(csrf()).params(form(cells))).andExpect(status().is3xxRedirection());
    }

    static org.springframework.util.MultiValueMap<String, String> form(Map<String, String> cells) {
        var m = new org.springframework.util.LinkedMultiValueMap<String, String>();
        cells.forEach(m::add);
        return m;
    }
}
