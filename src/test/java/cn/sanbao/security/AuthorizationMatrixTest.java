package cn.sanbao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;

/**
 * Walks every endpoint registered with Spring MVC with every role. The expected roles of an endpoint
 * come from {@link #expected}: the rule for all business endpoints plus an explicit table of exceptions,
 * so an endpoint added later is covered without touching this test. Where the path names a unit, a county
 * user asking for another county must be refused and for its own county must not be.
 * Requests that change data are only sent with the roles that must be refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class AuthorizationMatrixTest {

    static final String ANONYMOUS = "anonymous";
    static final Map<String, RequestPostProcessor> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put(Roles.SYSTEM_ADMIN, user("m-sys").roles(Roles.SYSTEM_ADMIN));
        ROLES.put(Roles.SECURITY_ADMIN, user("m-sec").roles(Roles.SECURITY_ADMIN));
        ROLES.put(Roles.AUDITOR, user("m-aud").roles(Roles.AUDITOR));
        ROLES.put(Roles.ANALYST, user("m-analyst").roles(Roles.ANALYST));
        ROLES.put(Roles.LEADER, user("m-leader").roles(Roles.LEADER));
        ROLES.put(Roles.LOCAL, user("m-xiji").authorities(() -> "ROLE_LOCAL", () -> "SCOPE_640422"));
    }

    static final Set<String> BUSINESS = Set.of(Roles.ANALYST, Roles.LEADER, Roles.LOCAL);
    static final Set<String> WRITERS = Set.of(Roles.ANALYST, Roles.LOCAL);
    static final Set<String> ANYONE_SIGNED_IN = Set.of(Roles.SYSTEM_ADMIN, Roles.SECURITY_ADMIN, Roles.AUDITOR,
            Roles.ANALYST, Roles.LEADER, Roles.LOCAL);

    @Autowired MockMvc mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired cn.sanbao.intake.PaymentImportService payments;

    @BeforeEach
    void demo() {
        DemoData.ensureLoaded(facts, scoring, results);
    }

    /** Roles that may use an endpoint; null = public. The exceptions to the business rule are listed here. */
    static Set<String> expected(HttpMethod method, String path) {
        if (path.equals("/login") || path.equals("/error") || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui"))
            return null;
        if (path.equals("/home") || path.startsWith("/account/")) return ANYONE_SIGNED_IN;
        if (path.startsWith("/admin/users")) return Set.of(Roles.SYSTEM_ADMIN);
        if (path.startsWith("/admin/roles") || path.startsWith("/admin/tokens")) return Set.of(Roles.SECURITY_ADMIN);
        if (path.startsWith("/admin/roles")) return Set.of(Roles.SECURITY_ADMIN);
        if (path.startsWith("/admin/requests")) return Set.of(Roles.SYSTEM_ADMIN, Roles.SECURITY_ADMIN, Roles.AUDITOR);
        if (path.startsWith("/audit") || path.startsWith("/api/audit")) return Set.of(Roles.AUDITOR);
        if (path.startsWith("/api/runs") && method == HttpMethod.POST) return Set.of(Roles.ANALYST);
        if (path.startsWith("/api/revisions") || path.startsWith("/api/models")) return Set.of(Roles.ANALYST, Roles.LEADER);
        // 四眼原则: a leader may approve or return a model an analyst submitted
        if (path.matches("/models/[^/]+/(approve|reject)")) return Set.of(Roles.ANALYST, Roles.LEADER);
        if (path.startsWith("/models") && method != HttpMethod.GET) return Set.of(Roles.ANALYST);
        if (path.startsWith("/models")) return Set.of(Roles.ANALYST, Roles.LEADER);
        if (path.startsWith("/monitoring/runs") || path.equals("/warnings/publish")) return Set.of(Roles.ANALYST);
        // what became of every import's re-scoring, all units: the department's view
        if (path.startsWith("/monitoring/rescorings")) return Set.of(Roles.ANALYST, Roles.LEADER);
        // escalation by hand is a leader's decision as much as an analyst's; the month's notice is region-wide
        if (path.matches("/warnings/cases/[^/]+/escalation")) return Set.of(Roles.ANALYST, Roles.LEADER);
        if (path.startsWith("/warnings/notices")) return Set.of(Roles.ANALYST, Roles.LEADER);
        if (path.startsWith("/warnings/settings"))
            return method == HttpMethod.GET ? Set.of(Roles.ANALYST, Roles.LEADER) : Set.of(Roles.ANALYST);
        // the delivery log names every recipient of every unit: the department's view only
        if (path.startsWith("/warnings/deliveries") || path.startsWith("/api/warnings/messages"))
            return Set.of(Roles.ANALYST, Roles.LEADER);
        // region-wide warning data: the letter template (settings) and publication counts are the department's view
        if (path.startsWith("/api/warnings/letter-template"))
            return method == HttpMethod.GET ? Set.of(Roles.ANALYST, Roles.LEADER) : Set.of(Roles.ANALYST);
        if (path.equals("/api/warnings/publications"))
            return method == HttpMethod.GET ? Set.of(Roles.ANALYST, Roles.LEADER) : Set.of(Roles.ANALYST);
        // decision support: runway is per unit (default rule); dispatch, allocation and affordability are region-wide
        if (path.startsWith("/decision/") && !path.startsWith("/decision/runway") && method != HttpMethod.GET) return Set.of(Roles.ANALYST);
        if (path.startsWith("/decision/") && !path.startsWith("/decision/runway")) return Set.of(Roles.ANALYST, Roles.LEADER);
        // switching the optional 两个支出 warning rule is a region-wide analyst decision
        if (path.equals("/discipline/warning-rule")) return Set.of(Roles.ANALYST);
        // connectors hold the budget system's address and account: the analysts who run extraction only
        if (path.startsWith("/connectors")) return Set.of(Roles.ANALYST);
        // leaders read everything and change nothing; county writes are then checked by object scope
        return method == HttpMethod.GET ? BUSINESS : WRITERS;
    }

    record Endpoint(HttpMethod method, String pattern) {
        String path(String unit) {
            return pattern.replace("{unit}", unit).replace("{code}", unit).replace("{unitCode}", unit).replace("{period}", "2021-03").replace("{id}", "1").replace("{revisionId}", "1")
                    .replace("{year}", "2021").replace("{pillar}", "WAGE")
                    .replace("{username}", "nobody").replaceAll("\\{[^}/]+}", "x");
        }
    }

    List<Endpoint> endpoints() {
        Set<String> seen = new TreeSet<>();
        List<Endpoint> out = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    if (seen.add(m + " " + pattern)) out.add(new Endpoint(HttpMethod.valueOf(m.name()), pattern));
                }
            }
        }
        return out;
    }

    int status(Endpoint e, String path, RequestPostProcessor who) throws Exception {
        MockHttpServletRequestBuilder r = request(e.method(), path).param("period", "2021-03").param("year", "2021").with(csrf()).accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON);
        if (who != null) r = r.with(who);
        try {
            return mvc.perform(r).andReturn().getResponse().getStatus();
        } catch (jakarta.servlet.ServletException failed) { // a request that got past security and then failed
            return 500;
        }
    }

    @Test
    void everyEndpointWithEveryRole() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/dashboard", "/api/dashboard", "/audit",
                "/admin/users", "/admin/roles", "/models/{id}", "/monitoring/units/{unit}");
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints) {
            Set<String> allowed = expected(e.method(), e.pattern());
            if (allowed == null) continue;
            boolean reads = e.method() == HttpMethod.GET;
            String path = e.path("640422");
            int anon = status(e, path, null);
            boolean anonRefused = anon == 401 || anon == 403 || (anon == 302);
            if (!anonRefused) wrong.add(e + " anonymous → " + anon);
            for (Map.Entry<String, RequestPostProcessor> role : ROLES.entrySet()) {
                boolean may = allowed.contains(role.getKey());
                if (may && !reads) continue;
                int s = status(e, path, role.getValue());
                // record {id} 1 may belong to another unit: then a local user is rightly refused by object scope
                boolean objectScope = role.getKey().equals(Roles.LOCAL) && e.pattern().contains("{id}") && s == 403;
                if (may && (s == 401 || s == 403) && !objectScope) wrong.add(e + " " + role.getKey() + " should pass, got " + s);
                if (!may && s != 403) wrong.add(e + " " + role.getKey() + " should be refused, got " + s);
            }
            if ((e.pattern().contains("{unit}") || e.pattern().contains("{code}") || e.pattern().contains("{unitCode}")) && reads && allowed.contains(Roles.LOCAL)) {
                int other = status(e, e.path("640423"), ROLES.get(Roles.LOCAL));
                if (other != 403) wrong.add(e + " county user asking for another county got " + other);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * What a county user reads through the API is its own unit's: no analysts' run notes, no region-wide counts,
     * and a payment import's row count covers its own unit's rows only.
     */
    @Test
    void countyApiReadsCarryOnlyItsOwnUnitsData() throws Exception {
        RequestPostProcessor county = ROLES.get(Roles.LOCAL), analyst = ROLES.get(Roles.ANALYST);
        scoring.run(cn.sanbao.kernel.Period.month(2021, 4), "m-analyst", "内部备注：兴庆区数据待核");
        String countyRuns = mvc.perform(request(HttpMethod.GET, "/api/runs").param("period", "2021-04").with(county))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(countyRuns).contains("\"period\":\"2021-04\"").doesNotContain("内部备注");
        assertThat(mvc.perform(request(HttpMethod.GET, "/api/runs").param("period", "2021-04").with(analyst))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("内部备注");
        for (String path : List.of("/api/warnings/letter-template", "/api/warnings/publications"))
            assertThat(mvc.perform(request(HttpMethod.GET, path).with(county)).andReturn().getResponse().getStatus()).as(path).isEqualTo(403);

        // a payment import of two units: the county sees its one row, not the import's three
        String csv = "unit_code,pay_date,amount,function_code,economic_code,project_code,agency\n"
                + "640422,2071-01-05,10.00,2010101,30101,P-1,县财政局\n640104,2071-01-05,20.00,2010101,30101,P-2,区财政局\n"
                + "640104,2071-01-06,30.00,2010101,30101,P-3,区财政局\n";
        java.nio.file.Path file = java.nio.file.Files.createTempFile("matrix", ".csv");
        java.nio.file.Files.writeString(file, csv);
        long revision = payments.importFile(file, "支付.csv", cn.sanbao.kernel.Period.month(2071, 1), "m-analyst", u -> true,
                (phase, rows) -> { }).revisionId();
        java.nio.file.Files.delete(file);
        String own = mvc.perform(request(HttpMethod.GET, "/api/intake/payments/" + revision).with(county))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(own).contains("\"rows\":1,").contains("640422").doesNotContain("640104");
        assertThat(mvc.perform(request(HttpMethod.GET, "/api/intake/payments/" + revision).with(analyst))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("\"rows\":3,");
    }
}
