package cn.sanbao.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.monitoring.ModelApprovalPolicy;
import cn.sanbao.monitoring.ModelRegistry;
import cn.sanbao.monitoring.ModelVersion;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;

/** Copy to draft, validate as typed, simulate on a past period, submit, approve by a second person; stored runs never change. */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class ModelEditorTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles(Roles.ANALYST);
    static final RequestPostProcessor LEADER = user("leader").roles(Roles.LEADER);

    @Autowired MockMvc mvc;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
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
        mvc.perform(post("/models/" + published.id() + "/publish").param("effectiveFrom", "2099-01").param("reason", "x")
                .with(LEADER).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/models").with(user("x").authorities(() -> "ROLE_LOCAL", () -> "SCOPE_640422")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theAuthorCannotApproveAndARejectionWithAReasonReturnsTheDraft() throws Exception {
        ModelVersion draft = copyOfPublished();
        ModelVersion pending = models.submit(draft.id(), Period.month(2099, 2), "调整权重", "analyst");
        assertThat(ModelApprovalPolicy.mayApprove(pending, "analyst").allowed()).isFalse();
        assertThat(ModelApprovalPolicy.mayApprove(pending, "analyst").reason()).contains("不能审核自己");
        assertThat(ModelApprovalPolicy.mayApprove(pending, "leader").allowed()).isTrue();
        // a second analyst may approve too; the author may not, even by another route
        assertThat(ModelApprovalPolicy.mayApprove(pending, "analyst2").allowed()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> models.approve(draft.id(), "analyst"))
                .hasMessageContaining("不能审核自己");
        // locked while waiting
        mvc.perform(post("/models/" + draft.id()).param("yaml", draft.sourceYaml()).with(ANALYST).with(csrf()))
                .andExpect(flash().attribute("error", containsString("正在等待审核")));
        mvc.perform(get("/models/" + draft.id()).with(ANALYST)).andExpect(content().string(containsString("不能审核自己")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"approve\""))));
        // a rejection needs a reason and changes nothing without one
        mvc.perform(post("/models/" + draft.id() + "/reject").param("reason", " ").with(LEADER).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(models.version(draft.id()).status()).isEqualTo(ModelVersion.PENDING);
        // an over-long reason is refused with its length, not a database error
        mvc.perform(post("/models/" + draft.id() + "/reject").param("reason", "理".repeat(501)).with(LEADER).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("不能超过 500 字")));
        assertThat(models.version(draft.id()).status()).isEqualTo(ModelVersion.PENDING);
        mvc.perform(post("/models/" + draft.id() + "/reject").param("reason", "权重合计不是 100").with(LEADER).with(csrf()))
                .andExpect(status().is3xxRedirection());
        ModelVersion back = models.version(draft.id());
        assertThat(back.status()).isEqualTo(ModelVersion.DRAFT);
        assertThat(back.reviewNote()).isEqualTo("权重合计不是 100");
        assertThat(audit.recent(5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("MODEL_REJECT");
            assertThat(e.actor()).isEqualTo("leader");
            assertThat(e.detail()).contains("权重合计不是 100");
        });
        mvc.perform(get("/models/" + draft.id()).with(ANALYST)).andExpect(content().string(containsString("审核退回：权重合计不是 100")));
        // runs never use a version that is not published
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scoring.run(Period.month(2021, 3), draft.id(), "analyst", null))
                .hasMessageContaining("尚未发布");
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
        assertThat(models.version(draft.id()).status()).isEqualTo(ModelVersion.PENDING);
        // four eyes: the author cannot approve; a leader sees the simulated differences and approves
        mvc.perform(post("/models/" + draft.id() + "/approve").with(ANALYST).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(models.version(draft.id()).status()).isEqualTo(ModelVersion.PENDING);
        assertThat(audit.recent(5)).anySatisfy(e -> assertThat(e.action()).isEqualTo("MODEL_APPROVE_DENIED"));
        mvc.perform(get("/models/" + draft.id()).with(LEADER)).andExpect(status().isOk())
                .andExpect(content().string(containsString("审核通过并发布")))
                .andExpect(content().string(containsString("个单位等级发生变化")));
        mvc.perform(post("/models/" + draft.id() + "/approve").with(LEADER).with(csrf())).andExpect(status().is3xxRedirection());
        ModelVersion published = models.version(draft.id());
        assertThat(published.status()).isEqualTo(ModelVersion.PUBLISHED);
        assertThat(published.publishedBy()).isEqualTo("leader");
        assertThat(published.submittedBy()).isEqualTo("analyst");
        assertThat(published.effectiveFrom()).isEqualTo("2099-01");
        assertThat(published.sourceYaml()).contains("effectiveFrom: 2099-01");
        assertThat(audit.recent(5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("MODEL_PUBLISH");
            assertThat(e.actor()).isEqualTo("leader");
            assertThat(e.detail()).contains("平稳运行门槛提高到 95 分");
        });
        assertThat(audit.recent(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("MODEL_SUBMIT");
            assertThat(e.actor()).isEqualTo("analyst");
        });
        // published versions are immutable and stored runs keep their grades
        mvc.perform(post("/models/" + draft.id()).param("yaml", stricter).with(ANALYST).with(csrf()))
                .andExpect(flash().attribute("error", containsString("已发布，不能修改")));
        assertThat(results.ranking(march, u -> true)).usingRecursiveFieldByFieldElementComparator().isEqualTo(before);
        assertThat(models.publishedFor(march).id()).isNotEqualTo(published.id());
    }
}
