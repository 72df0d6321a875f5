package cn.sanbao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import cn.sanbao.audit.AuditEvent;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;

/**
 * How the JSON API authenticates: a signed-in browser session must prove with the CSRF token that the page
 * itself makes a write; HTTP Basic and API tokens carry their own credentials. Tokens are scoped, revocable at
 * once, expire, and every issue, revocation and refused use is audited. Periods 2043+ belong to this class.
 */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class ApiAccessTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    static final String INITIAL = "Initial-2021x", PASSWORD = "Changed-2021y";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ApiTokens tokens;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;

    @BeforeEach
    void demo() {
        DemoData.ensureLoaded(facts, scoring, results);
    }

    /** An analyst account that has changed its initial password, so it may call the API. */
    String analyst() {
        String name = "api" + System.nanoTime() % 100000 + "x" + SEQ.incrementAndGet();
        accounts.create("admin", name, "接口测试", INITIAL);
        accounts.assignRole("security", name, Roles.ANALYST, null);
        accounts.changeOwnPassword(name, INITIAL, PASSWORD, "127.0.0.1");
        return name;
    }

    ResultActions bearer(String secret, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r) throws Exception {
        return mvc.perform(r.header("Authorization", "Bearer " + secret));
    }

    static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder push(String unit, String period) {
        return post("/api/intake/push").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "tok-" + System.nanoTime())
                .content("{\"period\": \"" + period + "\", \"units\": [{\"unitCode\": \"" + unit + "\", \"values\": {\"cash_balance\": 1}}]}");
    }

    @Test
    void sessionCookieAloneCannotWriteThroughTheApi() throws Exception {
        String name = analyst();
        MvcResult login = mvc.perform(formLogin("/login").user(name).password(PASSWORD)).andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        // what a page on another site can make the browser send: the cookie, no token
        for (var write : java.util.List.of(post("/api/runs").param("period", "2021-W10"), push("640422", "2003-01"),
                post("/api/warnings/cases/1/comments").param("text", "跨站"))) {
            mvc.perform(write.session(session)).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.status").value(403))
                    .andExpect(jsonPath("$.error", containsString("X-CSRF-TOKEN")));
        }
        // the same session with the page's CSRF token works, as does HTTP Basic without one
        mvc.perform(post("/api/runs").param("period", "2021-W10").session(session).with(csrf())).andExpect(status().isCreated());
        mvc.perform(post("/api/runs").param("period", "2021-W11").with(httpBasic(name, PASSWORD))).andExpect(status().isCreated());
        // reads need no token
        mvc.perform(get("/api/runs").session(session)).andExpect(status().isOk());
    }

    @Test
    void countyTokenReadsAndPushesOnlyItsOwnUnit() throws Exception {
        ApiTokens.Issued issued = tokens.issue("security", "西吉县报送系统", Roles.LOCAL_COUNTY, "640422", null);
        String secret = issued.secret();
        assertThat(secret).startsWith("sbt_").hasSizeGreaterThanOrEqualTo(4 + 43);
        // only the digest is stored
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(secret).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select token_hash from api_token where id = ?").param(issued.token().id()).query(String.class).single())
                .isEqualTo(ApiTokens.hash(secret)).hasSize(64);

        MvcResult read = bearer(secret, get("/api/results/2021-03")).andExpect(status().isOk())
                .andExpect(jsonPath("$.units[*].unitCode").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("640422"))))
                .andReturn();
        assertThat(read.getRequest().getSession(false)).as("a token request opens no session").isNull();
        bearer(secret, get("/api/results/2021-03/640104")).andExpect(status().isForbidden());
        // no CSRF token needed: the Authorization header cannot be sent cross-site
        bearer(secret, push("640422", "2003-02")).andExpect(status().isCreated());
        bearer(secret, push("640104", "2003-02")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].reason", containsString("无权报送 兴庆区（640104）")));
        bearer(secret, post("/api/runs").param("period", "2003-02")).andExpect(status().isForbidden());
        // a token is for the API, not for pages
        bearer(secret, get("/dashboard")).andExpect(status().isUnauthorized());
        assertThat(tokens.find(issued.token().id()).lastUsedAt()).isNotNull();
        // imports made with the token are attributed to it
        assertThat(audit.recent(30)).anySatisfy(e -> assertThat(e.actor()).isEqualTo(issued.token().principal()));
    }

    @Test
    void revokedExpiredAndUnknownTokensAreRefusedAndAudited() throws Exception {
        ApiTokens.Issued issued = tokens.issue("security", "领导驾驶舱", Roles.LEADER, null, LocalDate.now().plusDays(30));
        bearer(issued.secret(), get("/api/runs")).andExpect(status().isOk());
        tokens.revoke("security", issued.token().id());
        bearer(issued.secret(), get("/api/runs")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(jsonPath("$.error").value("接口令牌无效、已吊销或已过期"));
        assertThatThrownBy(() -> tokens.revoke("security", issued.token().id())).hasMessageContaining("已于");

        ApiTokens.Issued expiring = tokens.issue("security", "临时对接", Roles.ANALYST, null, LocalDate.now().plusDays(1));
        jdbc.sql("update api_token set expires_at = ? where id = ?").params(java.time.LocalDateTime.now().minusMinutes(1), expiring.token().id()).update();
        bearer(expiring.secret(), get("/api/runs")).andExpect(status().isUnauthorized());
        bearer("sbt_not-a-token", get("/api/runs")).andExpect(status().isUnauthorized());

        java.util.List<AuditEvent> recent = audit.recent(40);
        assertThat(recent).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("API_TOKEN_ISSUE");
            assertThat(e.actor()).isEqualTo("security");
            assertThat(e.detail()).contains("领导驾驶舱", "领导");
        });
        assertThat(recent).anySatisfy(e -> assertThat(e.action() + e.target()).isEqualTo("API_TOKEN_REVOKE" + issued.token().principal()));
        assertThat(recent).filteredOn(e -> e.action().equals("API_TOKEN_REJECTED")).extracting(AuditEvent::detail)
                .contains("令牌已吊销", "令牌已过期", "未知令牌");
    }

    @Test
    void issuingChecksRoleUnitAndExpiry() {
        assertThatThrownBy(() -> tokens.issue("security", "x", Roles.LOCAL_COUNTY, null, null)).hasMessage("县级用户必须指定所属单位");
        assertThatThrownBy(() -> tokens.issue("security", "x", Roles.LOCAL_COUNTY, "640400", null)).hasMessageContaining("不是");
        assertThatThrownBy(() -> tokens.issue("security", "x", Roles.SECURITY_ADMIN, null, null)).hasMessageContaining("令牌角色应为");
        assertThatThrownBy(() -> tokens.issue("security", " ", Roles.ANALYST, null, null)).hasMessageContaining("请填写令牌名称");
        assertThatThrownBy(() -> tokens.issue("security", "x", Roles.ANALYST, null, LocalDate.now().minusDays(1))).hasMessage("有效期须晚于今天");
        assertThat(tokens.issue("security", "固原市", Roles.LOCAL_CITY, "640400", null).token().scopeUnit()).isEqualTo("640400");
    }

    @Test
    void securityAdministratorSeesTheSecretOnceAndCanRevoke() throws Exception {
        var sec = user("m-sec").roles(Roles.SECURITY_ADMIN);
        MvcResult issued = mvc.perform(post("/admin/tokens").with(sec).with(csrf()).param("name", "海原县<script>window.__xss=1</script>")
                .param("role", Roles.LOCAL_COUNTY).param("scope", "640522").param("expires", "")).andReturn();
        String secret = (String) issued.getFlashMap().get("secret");
        assertThat(secret).startsWith("sbt_");
        String page = mvc.perform(get("/admin/tokens").with(sec).flashAttrs(issued.getFlashMap())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(secret, "已签发令牌", "县级用户", "640522", "长期有效", "从未使用", "有效", "吊销")
                .contains("&lt;script&gt;").doesNotContain("<script>window.__xss");
        // shown once: the next visit has no secret
        assertThat(mvc.perform(get("/admin/tokens").with(sec)).andReturn().getResponse().getContentAsString()).doesNotContain(secret);
        long id = tokens.all().stream().filter(t -> t.name().startsWith("海原县")).findFirst().orElseThrow().id();
        mvc.perform(post("/admin/tokens/" + id + "/revoke").with(sec).with(csrf())).andReturn();
        assertThat(tokens.find(id).revoked()).isTrue();
        assertThat(mvc.perform(get("/admin/tokens").with(sec)).andReturn().getResponse().getContentAsString()).contains("已吊销");
        MvcResult bad = mvc.perform(post("/admin/tokens").with(sec).with(csrf()).param("name", "x").param("role", Roles.LOCAL_COUNTY)
                .param("expires", "明天")).andReturn();
        assertThat(bad.getFlashMap().get("error")).isEqualTo("有效期“明天”不是日期，应为 年-月-日（如 2027-12-31）");
    }
}
