package cn.sanbao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.security.ThreeRolePolicy.Action;
import cn.sanbao.testsupport.BothDatabases;

/**
 * Taking access away ends the user's signed-in sessions at once; changes to the three privileged accounts
 * need a request by one privileged role and approval by another (三员分立).
 */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class AccountChangesTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    static final String PASSWORD = "Tallow-Bridge-77";

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired PrivilegedRequests requests;
    @Autowired PasswordEncoder encoder;
    @Autowired AuditLog audit;

    /** An account with this role (and scope) that may sign in with PASSWORD straight away. */
    String account(String role, String scope) {
        String name = "r" + System.nanoTime() % 100000 + "x" + SEQ.incrementAndGet();
        accounts.createInitial(name, "测试用户", PASSWORD, role, scope, false);
        return name;
    }

    MockHttpSession signIn(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password(PASSWORD)).andExpect(authenticated())
                .andReturn().getRequest().getSession(false);
    }

    void stillSignedIn(MockHttpSession s) throws Exception {
        mvc.perform(get("/home").session(s)).andExpect(redirectedUrl("/dashboard"));
    }

    void sentToSignIn(MockHttpSession s) throws Exception {
        mvc.perform(get("/home").session(s)).andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void disablingAUserEndsTheirSessionsAtOnceButNotOthers() throws Exception {
        String name = account(Roles.ANALYST, null);
        String other = account(Roles.ANALYST, null);
        MockHttpSession first = signIn(name), second = signIn(name), bystander = signIn(other);
        stillSignedIn(first);
        accounts.setEnabled("admin", name, false);
        sentToSignIn(first);
        sentToSignIn(second);
        stillSignedIn(bystander);
    }

    @Test
    void changingRoleOrScopeEndsTheSession() throws Exception {
        String analyst = account(Roles.ANALYST, null);
        MockHttpSession s = signIn(analyst);
        stillSignedIn(s);
        accounts.assignRole("security", analyst, Roles.LEADER, null);
        sentToSignIn(s);

        String county = account(Roles.LOCAL, "640422");
        MockHttpSession c = signIn(county);
        stillSignedIn(c);
        accounts.assignRole("security", county, Roles.LOCAL_COUNTY, "640423");
        sentToSignIn(c);
        // the new sign-in carries the new scope
        MockHttpSession again = signIn(county);
        mvc.perform(get("/monitoring/units/640422").param("period", "2021-03").session(again))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
    }

    @Test
    void resettingThePasswordEndsTheSession() throws Exception {
        String name = account(Roles.LEADER, null);
        MockHttpSession s = signIn(name);
        stillSignedIn(s);
        accounts.resetPassword("admin", name, "Quartz-Lantern-31");
        sentToSignIn(s);
    }

    @Test
    void systemAdministratorCannotResetOrDisableAnotherPrivilegedAccount() throws Exception {
        String sys = account(Roles.SYSTEM_ADMIN, null);
        String aud = account(Roles.AUDITOR, null);
        String sec = account(Roles.SECURITY_ADMIN, null);
        String hash = accounts.require(aud).passwordHash();
        MockHttpSession admin = signIn(sys);
        for (String target : new String[] {aud, sec}) {
            mvc.perform(post("/admin/users/" + target + "/password").session(admin).with(csrf()).param("password", "Quartz-Lantern-31"))
                    .andExpect(flash().attribute("error", Matchers.containsString("三员分立")));
            mvc.perform(post("/admin/users/" + target + "/enabled").session(admin).with(csrf()).param("enabled", "false"))
                    .andExpect(flash().attribute("error", Matchers.containsString("三员分立")));
            assertThat(accounts.require(target).enabled()).isTrue();
        }
        assertThat(accounts.require(aud).passwordHash()).isEqualTo(hash);
    }

    @Test
    void securityAdministratorCannotStripTheAuditorOrGrantPrivilegedRolesAlone() throws Exception {
        String sec = account(Roles.SECURITY_ADMIN, null);
        String aud = account(Roles.AUDITOR, null);
        String analyst = account(Roles.ANALYST, null);
        MockHttpSession s = signIn(sec);
        mvc.perform(post("/admin/roles/" + aud).session(s).with(csrf()).param("role", Roles.ANALYST))
                .andExpect(flash().attribute("error", Matchers.containsString("三员分立")));
        mvc.perform(post("/admin/roles/" + analyst).session(s).with(csrf()).param("role", Roles.AUDITOR))
                .andExpect(flash().attribute("error", Matchers.containsString("三员分立")));
        assertThat(accounts.require(aud).role()).isEqualTo(Roles.AUDITOR);
        assertThat(accounts.require(analyst).role()).isEqualTo(Roles.ANALYST);
    }

    @Test
    void auditorPasswordResetIsRequestedByTheSystemAdministratorAndApprovedByTheSecurityAdministrator() throws Exception {
        String sys = account(Roles.SYSTEM_ADMIN, null);
        String sec = account(Roles.SECURITY_ADMIN, null);
        String aud = account(Roles.AUDITOR, null);
        MockHttpSession auditorSession = signIn(aud);
        mvc.perform(get("/audit").session(auditorSession)).andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());

        mvc.perform(post("/admin/requests").session(signIn(sys)).with(csrf()).param("action", "PASSWORD_RESET")
                        .param("target", aud).param("password", "Quartz-Lantern-31"))
                .andExpect(flash().attribute("message", Matchers.containsString("已提交申请")));
        long id = requests.pending().stream().filter(r -> r.target().equals(aud)).findFirst().orElseThrow().id();
        // nothing happens before approval; neither the requester nor the auditor may approve
        assertThat(encoder.matches(PASSWORD, accounts.require(aud).passwordHash())).isTrue();
        assertThatThrownBy(() -> requests.approve(sys, id)).hasMessage("三员分立：申请人不能批准自己的申请");
        assertThatThrownBy(() -> requests.approve(aud, id)).hasMessage("三员分立：不能批准针对自己账号的申请");
        assertThat(encoder.matches(PASSWORD, accounts.require(aud).passwordHash())).isTrue();

        mvc.perform(post("/admin/requests/" + id + "/approve").session(signIn(sec)).with(csrf()))
                .andExpect(flash().attribute("message", "已批准申请 #" + id));
        assertThat(encoder.matches("Quartz-Lantern-31", accounts.require(aud).passwordHash())).isTrue();
        assertThat(accounts.require(aud).mustChange()).isTrue();
        assertThat(requests.pending()).noneMatch(r -> r.id() == id);
        assertThatThrownBy(() -> requests.approve(sec, id)).hasMessage("申请 #" + id + " 已处理");
        mvc.perform(get("/audit").session(auditorSession)).andExpect(redirectedUrl("/login?expired"));
        assertThat(audit.recent(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("PRIV_APPROVE");
            assertThat(e.actor()).isEqualTo(sec);
            assertThat(e.detail()).contains("#" + id).contains(sys);
        });
    }

    @Test
    void strippingTheAuditorsRoleNeedsTheSystemAdministratorsApproval() {
        String sys = account(Roles.SYSTEM_ADMIN, null);
        String sec = account(Roles.SECURITY_ADMIN, null);
        String sec2 = account(Roles.SECURITY_ADMIN, null);
        String aud = account(Roles.AUDITOR, null);
        long id = requests.request(sec, Action.ROLE_CHANGE, aud, Roles.ANALYST, null, null);
        assertThatThrownBy(() -> requests.approve(sec2, id)).hasMessageContaining("批准人须与申请人属于不同的特权角色");
        assertThatThrownBy(() -> requests.approve(aud, id)).hasMessage("三员分立：不能批准针对自己账号的申请");
        assertThat(accounts.require(aud).role()).isEqualTo(Roles.AUDITOR);
        requests.approve(sys, id);
        assertThat(accounts.require(aud).role()).isEqualTo(Roles.ANALYST);
        // one security administrator may not act on another
        assertThatThrownBy(() -> requests.request(sec, Action.PASSWORD_RESET, sec2, null, null, "Quartz-Lantern-31"))
                .hasMessageContaining("安全管理员不能变更安全管理员账号");
        assertThatThrownBy(() -> requests.request(sys, Action.PASSWORD_RESET, sec2, null, null, "Passw0rd!!"))
                .hasMessageContaining("密码过于常见");
        long reject = requests.request(sys, Action.DISABLE, sec2, null, null, null);
        requests.reject(sys, reject);
        assertThat(accounts.require(sec2).enabled()).isTrue();
    }

    /** First installation: only admin exists, so the security administrator comes from the audited offline command. */
    @Test
    void offlineRecoveryCreatesOrResetsPrivilegedAccountsOnlyAndIsAudited() {
        String name = "rec" + SEQ.incrementAndGet() + "x" + System.nanoTime() % 1000;
        String password = accounts.recover("张三", "sanbao", name, Roles.SECURITY_ADMIN);
        UserAccount a = accounts.require(name);
        assertThat(a.role()).isEqualTo(Roles.SECURITY_ADMIN);
        assertThat(a.mustChange()).isTrue();
        assertThat(encoder.matches(password, a.passwordHash())).isTrue();
        assertThat(audit.recent(5)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("offline:张三");
            assertThat(e.action()).isEqualTo("ACCOUNT_RECOVERY");
            assertThat(e.detail()).contains("操作系统用户 sanbao");
        });
        String analyst = account(Roles.ANALYST, null);
        assertThatThrownBy(() -> accounts.recover("张三", "sanbao", analyst, null)).hasMessageContaining("不是特权账号");
        assertThatThrownBy(() -> accounts.recover("张三", "sanbao", analyst, Roles.LEADER)).hasMessageContaining("离线恢复只用于");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        assertThat(AccountRecoveryCommand.run(new String[] {"recover-account", name}, Object.class, System.out,
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("--operator");
    }
}
