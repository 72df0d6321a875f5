package cn.sanbao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console in real headless Chromium against the running application with the demo data: sign in,
 * dashboard map and charts, a unit page, draft model edit, simulation, submission and a leader's approval,
 * sign-out, and a county user refused another county. Screenshots go to target/screenshots/.
 */
class ConsoleBrowserTest extends BrowserTestBase {

    @Test
    void analystWorksThroughDashboardUnitAndModelEditor() throws IOException {
        signIn("analyst");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        // March: 西吉县 has wage arrears
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("period"))).selectByValue("2021-03");
        waiting().until(ExpectedConditions.urlContains("period=2021-03"));
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-map-ready")));
        assertThat(driver.findElements(By.cssSelector("#map canvas"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#trend canvas"))).isNotEmpty();
        // the county map: one hexagon for each of the 28 budget units, five city labels
        assertThat(js("return window.sanbaoCharts.map.getOption().series[1].data.length")).isEqualTo(28L);
        assertThat(js("return window.sanbaoCharts.map.getOption().series[2].data.length")).isEqualTo(5L);
        assertThat(driver.findElement(By.id("counts")).getText()).contains("高度风险");
        shot("01-dashboard");

        // the whole ranking arrives from the JSON API; filter it to 高度风险, then open 西吉县
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ranking-ready")));
        assertThat(driver.findElement(By.id("ranking-info")).getText()).contains("第 1 / 1 页");
        // sorting by 总分 twice puts the highest score first
        driver.findElement(By.cssSelector("#ranking th[data-key='total']")).click();
        driver.findElement(By.cssSelector("#ranking th[data-key='total']")).click();
        @SuppressWarnings("unchecked")
        java.util.List<Object> scores = (java.util.List<Object>) js("return Array.from(document.querySelectorAll('#ranking tbody tr'))"
                + ".map(r => parseFloat(r.cells[3].textContent)).filter(x => !isNaN(x))");
        assertThat(scores).isNotEmpty();
        for (int i = 1; i < scores.size(); i++)
            assertThat(((Number) scores.get(i - 1)).doubleValue()).isGreaterThanOrEqualTo(((Number) scores.get(i)).doubleValue());
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("filter-grade"))).selectByValue("HIGH");
        long visible = (Long) js("return Array.from(document.querySelectorAll('#ranking tbody tr')).filter(r => r.style.display !== 'none').length");
        assertThat(visible).isPositive();
        driver.findElement(By.linkText("西吉县")).click();
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-charts-ready")));
        assertThat(driver.findElements(By.cssSelector("#score-chart canvas"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#pillar-chart canvas"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("a.revision"))).isNotEmpty();
        shot("02-unit-xiji");

        // copy the published model into a draft, break it, fix it, save, simulate, publish
        driver.get(url("/models"));
        driver.findElement(By.id("copy-current")).click();
        waiting().until(ExpectedConditions.urlMatches(".*/models/\\d+$"));
        String draftUrl = driver.getCurrentUrl();
        WebElement yaml = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("yaml")));
        String original = yaml.getAttribute("value");
        yaml.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, org.openqa.selenium.Keys.END), "\nbroken: [");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("problems"), "问题"));
        shot("03-draft-problem");
        String stricter = original.replace("{ code: STABLE, name: 平稳运行, min: 85 }", "{ code: STABLE, name: 平稳运行, min: 95 }");
        js("arguments[0].value = arguments[1];", yaml, stricter);
        yaml.sendKeys(" ");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("problems"), "校验通过"));
        driver.findElement(By.id("save")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "草稿已保存"));
        driver.findElement(By.id("periods")).sendKeys("2021-03");
        driver.findElement(By.id("simulate")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".simulation")));
        assertThat(driver.findElements(By.cssSelector("tr.changed"))).isNotEmpty();
        js("arguments[0].scrollIntoView()", driver.findElement(By.cssSelector(".simulation")));
        shot("04-simulation");
        driver.findElement(By.id("effectiveFrom")).sendKeys("2099-01");
        driver.findElement(By.id("reason")).sendKeys("平稳运行门槛提高到 95 分（浏览器测试）");
        driver.findElement(By.id("publish")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已提交发布审核"));
        // four eyes: the author may not approve; a leader does
        assertThat(driver.findElements(By.id("approve"))).isEmpty();
        assertThat(driver.findElement(By.id("approval-refused")).getText()).contains("不能审核自己");
        signIn("leader");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        driver.get(draftUrl);
        driver.findElement(By.id("approve")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已审核通过并发布"));
        shot("05-published");

        driver.findElement(By.cssSelector("header button.link")).click();
        waiting().until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(driver.getPageSource()).contains("已安全退出");
    }

    @Test
    void cityPageNamesItsHighRiskMembersAndTraceShowsThePaymentsMonitoringCounts() throws IOException {
        signIn("analyst");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        // 固原市 in March: graded on its sums, while 西吉县's wage arrears are named among its members
        driver.get(url("/monitoring/units/640400?period=2021-03"));
        WebElement members = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("member-risks")));
        assertThat(members.getText()).contains("所属 6 个预算单位中，高度风险", "西吉县", "存在工资或基本民生拖欠");
        assertThat(driver.findElement(By.cssSelector(".score-box .badge")).getText()).isNotEqualTo("高度风险");
        js("arguments[0].scrollIntoView()", members);
        shot("07-city-members");

        // 西吉县's 保基本民生 trace: every project has payments from the demo payment detail
        driver.get(url("/projects/trace/640422?year=2021&pillar=LIVELIHOOD&upTo=2021-12-31"));
        assertThat(driver.getPageSource()).doesNotContain("过半年未支付").doesNotContain("尚未接入支付明细");
        shot("08-trace-xiji");
        driver.get(url("/intake/payments"));
        assertThat(driver.getPageSource()).contains("演示支付明细");
        shot("09-payments");
    }

    @Test
    void countyUserCannotReachAnotherCounty() throws IOException {
        signIn("xiji");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        driver.get(url("/monitoring/units/640422?period=2021-03"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("西吉县");
        driver.get(url("/monitoring/units/640424?period=2021-03"));
        assertThat(driver.getPageSource()).contains("403").doesNotContain("泾源县");
        shot("06-county-refused");

        // the header switches to English and the choice stays for the next page
        driver.get(url("/dashboard?period=2021-03"));
        assertThat(driver.findElement(By.id("current-role")).getText()).isEqualTo("县级用户");
        driver.findElement(By.linkText("English")).click();
        waiting().until(ExpectedConditions.urlContains("lang=en"));
        assertThat(driver.getCurrentUrl()).contains("period=2021-03");
        assertThat(driver.findElement(By.cssSelector("header nav")).getText()).contains("Dashboard", "Results");
        assertThat(driver.findElement(By.id("current-role")).getText()).isEqualTo("County user");
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ranking-ready")));
        assertThat(driver.findElement(By.id("ranking-info")).getText()).isEqualTo("Page 1 of 1, 1 units");
        shot("07-dashboard-english");
        driver.get(url("/monitoring/units/640422?period=2021-03"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Indicators", "西吉县");
        driver.findElement(By.linkText("中文")).click();
        waiting().until(ExpectedConditions.urlContains("lang=zh-CN"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("指标明细");
    }
}
