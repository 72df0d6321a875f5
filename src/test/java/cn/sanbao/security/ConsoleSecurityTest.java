package cn.sanbao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import cn.sanbao.audit.AuditEvent;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.testsupport.BothDatabases;

/** Sign-in against database accounts: first administrator, lock-out, forced change, role separation, scope. */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class ConsoleSecurityTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    static final String PASSWORD = "Initial-2021x";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AuditLog audit;

    /** A fresh account with the given role (and scope), password PASSWORD, must change at first sign-in. */
    String account(String role, String scope) {
        String name = "u" + System.nanoTime() % 100000 + "x" + SEQ.incrementAndGet();
        if (ThreeRolePolicy.privileged(role)) {
            // privileged roles are granted only by dual approval (PrivilegedRequestContract); tests start with one
            accounts.createInitial(name, "测试用户", PASSWORD, role, null, true);
            return name;
        }
        accounts.create("admin", name, "测试用户", PASSWORD);
        if (role != null) accounts.assignRole("security", name, role, scope);
        return name;
    }

    MockHttpSession signIn(String user, String password) throws Exception {
        MvcResult r = mvc.perform(formLogin("/login").user(user).password(password)).andExpect(authenticated()).andReturn();
        return (MockHttpSession) r.getRequest().getSession(false);
    }

    @Test
    void firstStartCreatesTheSystemAdministratorWhoMustChangeThePassword() {
        UserAccount admin = accounts.require("admin");
        assertThat(admin.role()).isEqualTo(Roles.SYSTEM_ADMIN);
        assertThat(admin.mustChange()).isTrue();
        assertThat(admin.passwordHash()).startsWith("{bcrypt}");
        // no demo accounts outside demo mode
        assertThat(accounts.all()).extracting(UserAccount::username).doesNotContain("analyst", "xiji");
    }

    @Test
    void newAccountMustChangeItsPasswordBeforeAnythingElse() throws Exception {
        String name = account(Roles.ANALYST, null);
        MockHttpSession session = signIn(name, PASSWORD);
        mvc.perform(get("/monitoring").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("current", PASSWORD).param("password", "short").param("confirm", "short"))
                .andExpect(status().isOk());
        assertThat(accounts.require(name).mustChange()).isTrue();
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("current", PASSWORD).param("password", "Changed-2021y").param("confirm", "Changed-2021y"))
                .andExpect(redirectedUrl("/login?changed"));
        assertThat(accounts.require(name).mustChange()).isFalse();
        mvc.perform(formLogin("/login").user(name).password(PASSWORD)).andExpect(unauthenticated());
        MockHttpSession again = signIn(name, "Changed-2021y");
        mvc.perform(get("/home").session(again)).andExpect(redirectedUrl("/dashboard"));
        assertThat(audit.recent(50)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo(name);
            assertThat(e.action()).isEqualTo("PASSWORD_CHANGE");
        });
    }

    @Test
    void fiveFailedSignInsLockTheAccountAndAreAudited() throws Exception {
        String name = account(Roles.LEADER, null);
        for (int i = 0; i < 5; i++) mvc.perform(formLogin("/login").user(name).password("wrong")).andExpect(unauthenticated());
        assertThat(accounts.require(name).lockedUntil()).isNotNull();
        mvc.perform(formLogin("/login").user(name).password(PASSWORD)).andExpect(unauthenticated());
        assertThat(audit.recent(100)).filteredOn(e -> name.equals(e.actor())).extracting(AuditEvent::action)
                .contains("ACCOUNT_LOCKED", "LOGIN_FAILED");
        accounts.unlock("admin", name);
        signIn(name, PASSWORD);
        assertThat(audit.recent(5)).extracting(AuditEvent::action).contains("LOGIN");
    }

    @Test
    void administratorsReachOnlyTheirOwnScreens() throws Exception {
        String sys = account(Roles.SYSTEM_ADMIN, null);
        String sec = account(Roles.SECURITY_ADMIN, null);
        String aud = account(Roles.AUDITOR, null);
        accounts.changeOwnPassword(sys, PASSWORD, "Sys-admin-2021", null);
        accounts.changeOwnPassword(sec, PASSWORD, "Sec-admin-2021", null);
        accounts.changeOwnPassword(aud, PASSWORD, "Aud-admin-2021", null);
        MockHttpSession s = signIn(sys, "Sys-admin-2021");
        mvc.perform(get("/admin/users").session(s)).andExpect(status().isOk());
        mvc.perform(get("/admin/roles").session(s)).andExpect(status().isForbidden());
        mvc.perform(get("/audit").session(s)).andExpect(status().isForbidden());
        mvc.perform(get("/monitoring").session(s)).andExpect(status().isForbidden());
        s = signIn(sec, "Sec-admin-2021");
        mvc.perform(get("/admin/roles").session(s)).andExpect(status().isOk());
        mvc.perform(get("/admin/users").session(s)).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard").session(s)).andExpect(status().isForbidden());
        s = signIn(aud, "Aud-admin-2021");
        mvc.perform(get("/audit").session(s)).andExpect(status().isOk());
        mvc.perform(get("/admin/users").session(s)).andExpect(status().isForbidden());
    }

    @Test
    void systemAdministratorCreatesAccountsButCannotGiveRoles() throws Exception {
        String sys = account(Roles.SYSTEM_ADMIN, null);
        accounts.changeOwnPassword(sys, PASSWORD, "Sys-admin-2022", null);
        MockHttpSession s = signIn(sys, "Sys-admin-2022");
        String name = "new" + SEQ.incrementAndGet() + "x" + System.nanoTime() % 1000;
        mvc.perform(post("/admin/users").session(s).with(csrf()).param("username", name).param("displayName", "新用户")
                .param("password", "weak")).andExpect(redirectedUrl("/admin/users"));
        assertThat(accounts.all()).extracting(UserAccount::username).doesNotContain(name);
        mvc.perform(post("/admin/users").session(s).with(csrf()).param("username", name).param("displayName", "新用户")
                .param("password", "Strong-2021z")).andExpect(redirectedUrl("/admin/users"));
        assertThat(accounts.require(name).role()).isNull();
        mvc.perform(post("/admin/roles/" + name).session(s).with(csrf()).param("role", Roles.ANALYST))
                .andExpect(status().isForbidden());
        assertThat(accounts.require(name).role()).isNull();
    }

    @Test
    void securityAdministratorGivesCountyScopeThatLimitsWhatTheUserSees() throws Exception {
        String county = account(null, null);
        assertThatThrownBy(() -> accounts.assignRole("security", county, Roles.LOCAL, null))
                .hasMessageContaining("必须指定所属单位");
        assertThatThrownBy(() -> accounts.assignRole("security", county, Roles.LOCAL, "999999"))
                .hasMessageContaining("999999 不存在");
        accounts.assignRole("security", county, Roles.LOCAL, "640422");
        accounts.changeOwnPassword(county, PASSWORD, "County-2021x", null);
        MockHttpSession s = signIn(county, "County-2021x");
        mvc.perform(get("/monitoring/units/640423").param("period", "2021-03").session(s)).andExpect(status().isForbidden());
        assertThat(audit.recent(5)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo(county);
            assertThat(e.action()).isEqualTo("SCOPE_DENIED");
        });
    }

    @Test
    void cityAndCountyUsersAreAssignedAsTwoRolesWithMatchingUnits() throws Exception {
        String city = account(null, null);
        String county = account(null, null);
        assertThatThrownBy(() -> accounts.assignRole("security", city, Roles.LOCAL_CITY, "640422"))
                .hasMessageContaining("市级用户的所属单位须为市");
        assertThatThrownBy(() -> accounts.assignRole("security", county, Roles.LOCAL_COUNTY, "640100"))
                .hasMessageContaining("县级用户的所属单位须为");
        assertThat(accounts.require(city).role()).isNull();
        accounts.assignRole("security", city, Roles.LOCAL_CITY, "640100");
        accounts.assignRole("security", county, Roles.LOCAL_COUNTY, "640100BJ");
        // both are stored as the one LOCAL authority with their scope, so every LOCAL check applies to them
        assertThat(accounts.require(city).role()).isEqualTo(Roles.LOCAL);
        assertThat(accounts.require(county).scopeUnit()).isEqualTo("640100BJ");
        assertThat(audit.recent(5)).anySatisfy(e -> assertThat(e.detail()).contains("→ 市级用户（640100）"));

        String page = mvc.perform(get("/admin/roles").with(user("m-sec").roles(Roles.SECURITY_ADMIN))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(rowOf(page, city)).contains("市级用户").doesNotContain("市县用户");
        assertThat(rowOf(page, county)).contains("县级用户");

        // the header names the role by scope
        accounts.changeOwnPassword(city, PASSWORD, "City-2021-x", null);
        MockHttpSession s = signIn(city, "City-2021-x");
        mvc.perform(get("/dashboard").session(s)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<span class=\"role\" id=\"current-role\">市级用户</span>")));
    }

    /** The table row of a user on the roles page, up to its form. */
    private static String rowOf(String page, String username) {
        int i = page.indexOf("<td>" + username + "</td>");
        assertThat(i).as("row of " + username).isPositive();
        return page.substring(i, page.indexOf("<form", i));
    }
}
