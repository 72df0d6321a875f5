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
}
