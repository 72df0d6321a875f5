package cn.sanbao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanbao.connectors.BudgetSystemFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The analyst sets up a connector to the budget system in the browser, dry-runs it and extracts a month or daily balances. */
class ConnectorsBrowserTest extends BrowserTestBase {

    @Test
    void analystConfiguresAConnectorDryRunsItAndExtractsAMonth() throws Exception {
        BudgetSystemFixture source = BudgetSystemFixture.demoYear();
        newConnector("预算一体化（浏览器）", source);
        assertThat(driver.getPageSource()).doesNotContain(BudgetSystemFixture.READER_PASSWORD);
        addQuery(null, "库款余额", "cash_balance", "select dwdm, qj, kkye from gk_kkqj where qj = :period order by dwdm",
                "unit=dwdm\nperiod=qj\nvalue=kkye");
        StringBuilder map = new StringBuilder();
        for (var unit : cn.sanbao.demo.DemoCatalogue.budgetUnits())
            if (cn.sanbao.demo.DemoCatalogue.BUDGET_KINDS.contains(unit.kind())) map.append("DW").append(unit.code()).append(',').append(unit.code()).append('\n');
        unitCodes(map.toString());

        String outcome = run("2021-03", "#run button[name=dry]");
        shot("connectors-dry-run");
        assertThat(outcome).contains("试运行");
        assertThat(driver.findElements(By.cssSelector("#outcome-preview tr"))).isNotEmpty();

        assertThat(run("2021-03", "#run button.primary")).containsAnyOf("未保存", "已保存");
        driver.get(url("/connectors"));
        shot("connectors-list");
        assertThat(driver.findElement(By.id("runs")).getText()).contains("预算一体化（浏览器）", "2021-03");
    }

    @Test
    void analystAddsADailyCashQueryAndDryRunsIt() throws Exception {
        BudgetSystemFixture source = BudgetSystemFixture.empty();
        try (java.sql.Connection c = source.owner(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("insert into gk_kkrb values ('DW640422', '2021-12-30', 123456789.12), ('DW640522', '2021-12-30', 98765432.10)");
        }
        newConnector("库款日报（浏览器）", source);
        Select kinds = new Select(driver.findElement(By.cssSelector("#new-query select[name=kind]")));
        assertThat(kinds.getOptions()).extracting(WebElement::getText).containsExactly("数据项", "支付明细", "库款日报");
        addQuery("库款日报", "国库库款日报", null, BudgetSystemFixture.DAILY_SQL, BudgetSystemFixture.DAILY_COLUMNS);
        unitCodes("DW640422,640422\nDW640522,640522\n");

        String outcome = run("2021-12", "#run button[name=dry]");
        shot("connectors-daily-cash");
        assertThat(outcome).contains("试运行", "“国库库款日报” 2 行通过校验");
        assertThat(driver.findElement(By.id("outcome-preview")).getText()).contains("国库库款日报", "640422", "2021-12-30", "123456789.12");
        WebElement saved = driver.findElement(By.cssSelector("form.query:not(#new-query)"));
        assertThat(new Select(saved.findElement(By.name("kind"))).getFirstSelectedOption().getText()).isEqualTo("库款日报");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", saved);
        shot("connectors-daily-cash-query");
    }

    @Test
    void theConnectorPageNamesTheAnalystsWhoAreAlertedAndLinksToTheContacts() throws Exception {
        newConnector("告警接收人（浏览器）", BudgetSystemFixture.empty());
        WebElement who = driver.findElement(By.id("alert-recipients"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", who);
        shot("connectors-alert-recipients");
        // the demo's analyst contact, from 预警设置; no gateway is configured in the demo, so nothing would be sent yet
        assertThat(who.getText()).contains("告警接收人", "监测分析员（演示）", "监测分析员", "渠道未配置，不发送")
                .doesNotContain("没有告警接收人");
        who.findElement(By.linkText("在“预警设置”中维护监测分析员联系人")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/warnings/settings"));
        assertThat(driver.findElement(By.id("contact-list")).getText()).contains("监测分析员（演示）", "监测分析员（库款日预警、数据提取告警）");
        shot("connectors-alert-contacts");
    }

    /** Signs in as the analyst and creates a connector to the source from the list page's form. */
    private void newConnector(String name, BudgetSystemFixture source) {
        signIn("analyst");
        waiting().until(d -> !d.getCurrentUrl().contains("/login"));
        driver.get(url("/connectors"));
        assertThat(driver.findElement(By.tagName("nav")).getText()).contains("数据提取");
        WebElement form = driver.findElement(By.id("new-connector"));
        form.findElement(By.name("name")).sendKeys(name);
        form.findElement(By.name("jdbcUrl")).sendKeys(source.url);
        form.findElement(By.name("username")).sendKeys(BudgetSystemFixture.READER);
        form.findElement(By.name("password")).sendKeys(BudgetSystemFixture.READER_PASSWORD);
        form.findElement(By.cssSelector("button.primary")).click();
        waiting().until(d -> d.findElements(By.id("new-query")).size() == 1);
    }

    /** kind: the label to choose, or null for the default (数据项). */
    private void addQuery(String kind, String name, String item, String sql, String mapping) {
        WebElement q = driver.findElement(By.id("new-query"));
        if (kind != null) new Select(q.findElement(By.name("kind"))).selectByVisibleText(kind);
        q.findElement(By.name("name")).sendKeys(name);
        if (item != null) q.findElement(By.name("itemCode")).sendKeys(item);
        q.findElement(By.name("sql")).sendKeys(sql);
        WebElement columns = q.findElement(By.name("columns"));
        columns.clear();
        columns.sendKeys(mapping);
        q.findElement(By.cssSelector("button.primary")).click();
        waiting().until(d -> d.getPageSource().contains("已保存查询"));
    }

    private void unitCodes(String lines) {
        driver.findElement(By.cssSelector("#unit-codes textarea")).sendKeys(lines);
        driver.findElement(By.cssSelector("#unit-codes button")).click();
        waiting().until(d -> d.getPageSource().contains("已保存单位代码对照"));
    }

    /** Runs (or dry-runs) the period with the given button; returns the outcome's text. */
    private String run(String period, String button) {
        WebElement p = driver.findElement(By.cssSelector("#run input[name=period]"));
        p.clear();
        p.sendKeys(period);
        driver.findElement(By.cssSelector(button)).click();
        waiting().until(d -> d.findElements(By.id("outcome")).size() == 1);
        return driver.findElement(By.id("outcome")).getText();
    }
}
