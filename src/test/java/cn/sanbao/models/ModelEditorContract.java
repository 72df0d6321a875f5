package cn.sanbao.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import cn.sanbao.audit.AuditLog;
import cn.sanbao.engine.Period;
import cn.sanbao.facts.FactStore;
import cn.sanbao.monitoring.ModelRegistry;
import cn.sanbao.monitoring.ModelVersion;
import cn.sanbao.monitoring.ResultQueries;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.DemoData;

/** Copy to draft, validate as typed, simulate on a past period, publish; stored runs never change. */
@SpringBootTest
@AutoConfigureMockMvc
abstract class ModelEditorContract {

    static final RequestPostProcessor ANALYST = user("analyst").roles(Roles.ANALYST);
    static final RequestPostProcessor LEADER = user("leader").roles(Roles.LEADER);

    @Autowired MockMvc mvc;
    @Autowired FactStore facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultQueries results;
    @Autowired ModelRegistry models;
    @Autowired AuditLog audit;

    @BeforeEach
    void demo() {
        DemoData.ensureLoaded(facts, scoring, results);
    }

    ModelVersion copyOfPublished() throws Exception {
        ModelVersion published = models.publishedFor(Period.month(2021, 3));
        String location = mvc.perform(post("/models/" + published.id() + "/copy").with(ANALYST).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return models.version(Long.parseLong(location.substring("/models/".length())));
    }

    @Test
    void leaderSeesModelsButCannotCopyOrPublish() throws Exception {
        ModelVersion published = models.publishedFor(Period.month(2021, 3));
        mvc.perform(get("/models").with(LEADER)).andExpect(status().isOk())
                .andExpect(content().string(containsString("保工资支出执行")));
        mvc.perform(get("/models/" + published.id()).with(LEADER)).andExpect(status().isOk())
                .andExpect(content().string(containsString("code: sanbao-default")));
        mvc.perform(post("/models/" + published.id() + "/copy").with(LEADER).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/models").with(user("x").authorities(() -> "ROLE_LOCAL", () -> "SCOPE_640422")))
                .andExpect(status().isForbidden());
    }

    @Test
    void validationAsTypedNamesTheLineAndSavingBadTextChangesNothing() throws Exception {
        ModelVersion draft = copyOfPublished();
        assertThat(draft.status()).isEqualTo(ModelVersion.DRAFT);
        assertThat(draft.sourceYaml()).contains("version: " + draft.version());
        String broken = draft.sourceYaml().replace("weight: 15", "weight: abc");
        mvc.perform(post("/models/" + draft.id() + "/validate").param("yaml", broken).with(ANALYST).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("第")))
                .andExpect(content().string(containsString("个问题")));
        mvc.perform(post("/models/" + draft.id() + "/validate").param("yaml", draft.sourceYaml()).with(ANALYST).with(csrf()))
                .andExpect(content().string(containsString("校验通过")));
        mvc.perform(post("/models/" + draft.id()).param("yaml", broken).with(ANALYST).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("草稿未保存")));
        assertThat(models.version(draft.id()).sourceYaml()).isEqualTo(draft.sourceYaml());
    }

    @Test
    void simulationShowsWhichUnitsChangeGradeAndPublishingLeavesStoredRunsAlone() throws Exception {
        Period march = Period.month(2021, 3);
        List<UnitRanking> before = results.ranking(march, u -> true);
        ModelVersion draft = copyOfPublished();
        String stricter = draft.sourceYaml().replace("{ code: STABLE, name: 平稳运行, min: 85 }", "{ code: STABLE, name: 平稳运行, min: 95 }");
        assertThat(stricter).isNotEqualTo(draft.sourceYaml());
        mvc.perform(post("/models/" + draft.id()).param("yaml", stricter).with(ANALYST).with(csrf()))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/models/" + draft.id()).param("periods", "2021-03").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long expectedChanges = before.stream().filter(r -> "STABLE".equals(r.grade())
                && r.total().compareTo(new BigDecimal("95")) < 0).count();
        assertThat(expectedChanges).isPositive();
        assertThat(page).contains("<b>" + expectedChanges + "</b> 个单位等级发生变化");

        mvc.perform(post("/models/" + draft.id() + "/publish").param("effectiveFrom", "2099-01").param("reason", " ")
                .with(ANALYST).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(models.version(draft.id()).status()).isEqualTo(ModelVersion.DRAFT);
        mvc.perform(post("/models/" + draft.id() + "/publish").param("effectiveFrom", "2099-01").param("reason", "平稳运行门槛提高到 95 分")
                .with(ANALYST).with(csrf())).andExpect(status().is3xxRedirection());
        ModelVersion published = models.version(draft.id());
        assertThat(published.status()).isEqualTo(ModelVersion.PUBLISHED);
        assertThat(published.effectiveFrom()).isEqualTo("2099-01");
        assertThat(published.sourceYaml()).contains("effectiveFrom: 2099-01");
        assertThat(audit.recent(5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("MODEL_PUBLISH");
            assertThat(e.detail()).contains("平稳运行门槛提高到 95 分");
        });
        // published versions are immutable and stored runs keep their grades
        mvc.perform(post("/models/" + draft.id()).param("yaml", stricter).with(ANALYST).with(csrf()))
                .andExpect(content().string(containsString("已发布，不能修改")));
        assertThat(results.ranking(march, u -> true)).usingRecursiveFieldByFieldElementComparator().isEqualTo(before);
        assertThat(models.publishedFor(march).id()).isNotEqualTo(published.id());
    }
}
