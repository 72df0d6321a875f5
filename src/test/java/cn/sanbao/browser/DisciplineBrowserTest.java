package cn.sanbao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 支出约束监测 in headless Chromium on the demo year: the analyst sees the 两个支出 breakers of March, the idle
 * direct funds, the flag on 西吉县's unit page and the dashboard, and switches the warning rule on and off; the
 * county user xiji sees only 西吉县 and no switch.
 */
class DisciplineBrowserTest extends BrowserTestBase {

    @Test
    void analystAndCountyUserSeeTheTwoPrioritiesFlagAndIdleDirectFunds() throws IOException {
        signIn("analyst");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        driver.get(url("/dashboard?period=2021-03"));
        String dashboard = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("two-priorities-dashboard"))).getText();
        assertThat(dashboard).contains("西吉县").contains("海原县");
        js("arguments[0].scrollIntoView()", driver.findElement(By.id("two-priorities-dashboard")));
        shot("discipline-01-dashboard-analyst");

        driver.get(url("/discipline?period=2021-03"));
        assertThat(driver.findElement(By.id("two-priorities")).getText()).contains("西吉县").contains("快于三保支出进度");
        shot("discipline-02-two-priorities-analyst");
        driver.findElement(By.id("switch-rule")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "已开启预警规则"));
        shot("discipline-03-rule-on");
        driver.findElement(By.id("switch-rule")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "已关闭预警规则"));

        driver.get(url("/discipline/direct?period=2021-09"));
        String idle = driver.findElement(By.id("idle")).getText();
        assertThat(idle).contains("隆德县").contains("彭阳县").contains("衔接推进乡村振兴补助资金");
        shot("discipline-04-direct-analyst");

        driver.get(url("/monitoring/units/640422?period=2021-03"));
        String panel = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("two-priorities"))).getText();
        assertThat(panel).contains("未落实“两个支出”优先").contains("修订 #");
        js("arguments[0].scrollIntoView()", driver.findElement(By.id("two-priorities")));
        shot("discipline-05-unit-xiji-analyst");

        signIn("xiji");
        waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        driver.get(url("/discipline?period=2021-03"));
        String own = driver.findElement(By.id("two-priorities")).getText();
        assertThat(own).contains("西吉县").doesNotContain("海原县");
        assertThat(driver.findElements(By.id("switch-rule"))).isEmpty();
        shot("discipline-06-two-priorities-xiji");
        driver.get(url("/discipline/direct?period=2021-09"));
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("隆德县");
        shot("discipline-07-direct-xiji");
        driver.get(url("/monitoring/units/640422?period=2021-04"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("two-priorities")));
        js("arguments[0].scrollIntoView()", driver.findElement(By.id("two-priorities")));
        shot("discipline-08-unit-xiji-county");
    }
}
