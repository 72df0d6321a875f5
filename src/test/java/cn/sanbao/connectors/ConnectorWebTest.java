package cn.sanbao.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.warnings.Contact;
import cn.sanbao.warnings.PublicationRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The connector screens: the analyst's alone, the password never shown back, runs listed and exported. */
@SpringBootTest(properties = "sanbao.connectors.tick=PT1H")
@AutoConfigureMockMvc
@BothDatabases
class ConnectorWebTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles(Roles.ANALYST);

    @Autowired MockMvc mvc;
    @Autowired ConnectorAlerts alerts;
    @Autowired PublicationRepository contacts;

    @Test
    void theAnalystCreatesAConnectorAndTheScreensNeverShowThePassword() throws Exception {
        BudgetSystemFixture source = BudgetSystemFixture.empty();
        String name = "网页" + System.nanoTime();
        String location = mvc.perform(post("/connectors").with(csrf()).with(ANALYST).param("name", name).param("jdbcUrl", source.url)
                        .param("username", BudgetSystemFixture.READER).param("password", BudgetSystemFixture.READER_PASSWORD)
                        .param("cron", "0 0 6 * * *").param("periodRule", "CURRENT_MONTH").param("enabled", "true")
                        .param("maxRows", "1000").param("timeoutSeconds", "60").param("alertAfter", "3"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/connectors/\\d+");
        mvc.perform(post(location + "/queries").with(csrf()).with(ANALYST).param("name", "库款").param("kind", "ITEM")
                .param("itemCode", "cash_balance").param("sql", "select dwdm, kkye from gk_kkqj where qj = :period")
                .param("columns", "unit=dwdm\nvalue=kkye")).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get(location).with(ANALYST)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(name, "库款", "select dwdm, kkye from gk_kkqj", "已保存（留空则不变）")
                .doesNotContain(BudgetSystemFixture.READER_PASSWORD);
        var flash = mvc.perform(post(location + "/run").with(csrf()).with(ANALYST).param("period", "2041-03").param("dry", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        assertThat(((ConnectorRunner.Outcome) flash.get("outcome")).status()).isEqualTo(ConnectorRun.Status.REJECTED);
        String list = mvc.perform(get("/connectors").with(ANALYST)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(name, "试运行", "未通过校验", "导出 Excel");
        byte[] xlsx = mvc.perform(get("/connectors/runs/export").with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(xlsx).startsWith('P', 'K');
    }

    @Test
    void theConnectorPageShowsWhoIsAlertedFromTheContactsAndWhyNoMessageWentOut() throws Exception {
        // no analyst contact yet: the page says no one will be told, and the alert records why nothing went out
        contacts.contactsByRole(Contact.ANALYST).forEach(k -> contacts.setContactActive(k.id(), false));
        String name = "告警页" + System.nanoTime();
        String location = mvc.perform(post("/connectors").with(csrf()).with(ANALYST).param("name", name)
                        .param("jdbcUrl", "jdbc:postgresql://127.0.0.1:1/ysyth").param("username", "reader").param("password", "x")
                        .param("cron", "0 0 6 * * *").param("periodRule", "CURRENT_MONTH").param("enabled", "true")
                        .param("maxRows", "1000").param("timeoutSeconds", "5").param("alertAfter", "1"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(location + "/queries").with(csrf()).with(ANALYST).param("name", "库款日报").param("kind", "DAILY_CASH")
                .param("sql", BudgetSystemFixture.DAILY_SQL).param("columns", BudgetSystemFixture.DAILY_COLUMNS))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(location + "/run").with(csrf()).with(ANALYST).param("period", "2021-12")).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get(location).with(ANALYST)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("失败告警", "连接器“" + name + "”已连续失败 1 次", "无法连接源数据库", ConnectorAlerts.NO_RECIPIENT,
                "库款日报", "告警接收人", "没有告警接收人：", "href=\"/warnings/settings#contacts\"")
                .doesNotContain("sanbao.connectors.alert-to 中的接收人");

        // the analyst adds a 监测分析员 on the contacts screen; the connector page names them on each channel they can be reached on
        mvc.perform(post("/warnings/settings/contacts").with(csrf()).with(ANALYST).param("unitCode", "640000").param("role", "ANALYST")
                .param("name", "钱分析").param("title", "监测处").param("phone", "13900000007").param("wechatKey", "robot-secret-key")
                .param("email", "qian@example.org")).andExpect(status().is3xxRedirection());
        page = mvc.perform(get(location).with(ANALYST)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("钱分析", "13900000007", "qian@example.org", "（机器人 key 已登记）", "渠道未配置，不发送")
                .doesNotContain("没有告警接收人：", "robot-secret-key");
        assertThat(alerts.recipients().stream().map(r -> r.name() + " " + r.channel() + " " + r.address()).toList()).containsExactly("钱分析 SMS 13900000007", "钱分析 WECHAT robot-secret-key",
                "钱分析 EMAIL qian@example.org");
    }

    @Test
    void onlyTheAnalystReachesTheConnectorScreens() throws Exception {
        mvc.perform(get("/connectors").with(user("leader").roles(Roles.LEADER))).andExpect(status().isForbidden());
        mvc.perform(get("/connectors").with(user("xiji").authorities(() -> "ROLE_" + Roles.LOCAL, () -> Roles.SCOPE_PREFIX + "640422")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/connectors").with(user("admin").roles(Roles.SYSTEM_ADMIN))).andExpect(status().isForbidden());
    }
}
