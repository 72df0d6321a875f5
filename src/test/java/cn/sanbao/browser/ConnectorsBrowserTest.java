package cn.sanbao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanbao.connectors.BudgetSystemFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The analyst sets up a connector to the budget system in the browser, dry-runs it and extracts a month. */
class ConnectorsBrowserTest extends BrowserTestBase {

    @Test
    void analystConfiguresAConnectorDryRunsItAndExtractsAMonth() throws Exception {
        BudgetSystemFixture source = BudgetSystemFixture.demoYear();
        signIn("analyst");
        waiting().until(d -> !d.getCurrentUrl().contains("/login"));
        driver.get(url("/connectors"));
        assertThat(driver.findElement(By.tagName("nav")).getText()).contains("数据提取");
        WebElement form = driver.findElement(By.id("new-connector"));
        form.findElement(By.name("name")).sendKeys("预算一体化（浏览器）");
        form.findElement(By.name("jdbcUrl")).sendKeys(source.url);
        form.findElement(By.name("username")).sendKeys(BudgetSystemFixture.READER);
        form.findElement(By.name("password")).sendKeys(BudgetSystemFixture.READER_PASSWORD);
        form.findElement(By.cssSelector("button.primary")).click();
        waiting().until(d -> d.findElements(By.id("new-query")).size() == 1);
        assertThat(driver.getPageSource()).doesNotContain(BudgetSystemFixture.READER_PASSWORD);

        WebElement q = driver.findElement(By.id("new-query"));
        q.findElement(By.name("name")).sendKeys("库款余额");
        q.findElement(By.name("itemCode")).sendKeys("cash_balance");
        q.findElement(By.name("sql")).sendKeys("select dwdm, qj, kkye from gk_kkqj where qj = :period order by dwdm");
        WebElement columns = q.findElement(By.name("columns"));
        columns.clear();
        columns.sendKeys("unit=dwdm\nperiod=qj\nvalue=kkye");
        q.findElement(By.cssSelector("button.primary")).click();
        waiting().until(d -> d.getPageSource().contains("已保存查询"));

        WebElement codes = driver.findElement(By.cssSelector("#unit-codes textarea"));
        StringBuilder map = new StringBuilder();
        for (var unit : cn.sanbao.demo.DemoCatalogue.budgetUnits())
            if (cn.sanbao.demo.DemoCatalogue.BUDGET_KINDS.contains(unit.kind())) map.append("DW").append(unit.code()).append(',').append(unit.code()).append('\n');
        codes.sendKeys(map.toString());
        driver.findElement(By.cssSelector("#unit-codes button")).click();
        waiting().until(d -> d.getPageSource().contains("已保存单位代码对照"));

        WebElement period = driver.findElement(By.cssSelector("#run input[name=period]"));
        period.clear();
        period.sendKeys("2021-03");
        driver.findElement(By.cssSelector("#run button[name=dry]")).click();
        waiting().until(d -> d.findElements(By.id("outcome")).size() == 1);
        String outcome = driver.findElement(By.id("outcome")).getText();
        shot("connectors-dry-run");
        assertThat(outcome).contains("试运行");
        assertThat(driver.findElements(By.cssSelector("#outcome-preview tr"))).isNotEmpty();

        period = driver.findElement(By.cssSelector("#run input[name=period]"));
        period.clear();
        period.sendKeys("2021-03");
        driver.findElement(By.cssSelector("#run button.primary")).click();
        waiting().until(d -> d.findElements(By.id("outcome")).size() == 1);
        assertThat(driver.findElement(By.id("outcome")).getText()).containsAnyOf("未保存", "已保存");
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
        signIn("analyst");
        waiting().until(d -> !d.getCurrentUrl().contains("/login"));
        driver.get(url("/connectors"));
        WebElement form = driver.findElement(By.id("new-connector"));
        form.findElement(By.name("name")).sendKeys("库款日报（浏览器）");
        form.findElement(By.name("jdbcUrl")).sendKeys(source.url);
        form.findElement(By.name("username")).sendKeys(BudgetSystemFixture.READER);
        form.findElement(By.name("password")).sendKeys(BudgetSystemFixture.READER_PASSWORD);
        form.findElement(By.cssSelector("button.primary")).click();
        waiting().until(d -> d.findElements(By.id("new-query")).size() == 1);

        WebElement q = driver.findElement(By.id("new-query"));
        var kinds = new org.openqa.selenium.support.ui.Select(q.findElement(By.name("kind")));
        assertThat(kinds.getOptions()).extracting(WebElement::getText).containsExactly("数据项", "支付明细", "库款日报");
        kinds.selectByVisibleText("库款日报");
        q.findElement(By.name("name")).sendKeys("国库库款日报");
        q.findElement(By.name("sql")).sendKeys(BudgetSystemFixture.DAILY_SQL);
        WebElement columns = q.findElement(By.name("columns"));
        columns.clear();
        columns.sendKeys(BudgetSystemFixture.DAILY_COLUMNS);
        q.findElement(By.cssSelector("button.primary")).click();
        waiting().until(d -> d.getPageSource().contains("已保存查询"));
        driver.findElement(By.cssSelector("#unit-codes textarea")).sendKeys("DW640422,640422\nDW640522,640522\n");
        driver.findElement(By.cssSelector("#unit-codes button")).click();
        waiting().until(d -> d.getPageSource().contains("已保存单位代码对照"));

        WebElement period = driver.findElement(By.cssSelector("#run input[name=period]"));
        period.clear();
        period.sendKeys("2021-12");
        driver.findElement(By.cssSelector("#run button[name=dry]")).click();
        waiting().until(d -> d.findElements(By.id("outcome")).size() == 1);
        String outcome = driver.findElement(By.id("outcome")).getText();
        shot("connectors-daily-cash");
        assertThat(outcome).contains("试运行", "“国库库款日报” 2 行通过校验");
        assertThat(driver.findElement(By.id("outcome-preview")).getText()).contains("国库库款日报", "640422", "2021-12-30", "123456789.12");
        assertThat(new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector("form.query:not(#new-query) select[name=kind]")))
                .getFirstSelectedOption().getText()).isEqualTo("库款日报");
    }
}
