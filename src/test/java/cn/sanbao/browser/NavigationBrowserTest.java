package cn.sanbao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Each role sees in the menu and on the pages only what it may use; an address it may not open, or that does
 * not exist, shows the site's own Chinese error page with the way back to the role's start page.
 */
class NavigationBrowserTest extends BrowserTestBase {

    String menu() {
        return driver.findElement(By.cssSelector("header nav")).getText();
    }

    String body() {
        return driver.findElement(By.tagName("body")).getText();
    }

    @Test
    void countyUserIsRefusedInChineseAndFindsItsWayBack() throws IOException {
        signIn("xiji");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        assertThat(menu()).contains("总览", "报告").doesNotContain("监测模型");

        driver.get(url("/models"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("无权访问", "403");
        assertThat(body()).contains("请联系安全管理员").doesNotContain("Whitelabel", "Forbidden", "Exception");
        assertThat(menu()).contains("总览");
        shot("30-county-403");
        driver.findElement(By.id("error-home")).click();
        waiting().until(ExpectedConditions.urlContains("/dashboard"));

        driver.get(url("/no/such/page"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("页面不存在");
        shot("31-county-404");
        driver.get(url("/reports/generate"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("不支持的操作方式");
        // the API keeps answering JSON
        driver.get(url("/api/audit/events"));
        assertThat(body()).contains("\"status\":403");
    }

    @Test
    void leaderSeesNoButtonItCannotUse() throws IOException {
        signIn("leader");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        driver.get(url("/reports"));
        assertThat(driver.findElements(By.id("generate"))).isEmpty();
        assertThat(driver.findElements(By.id("preview"))).isNotEmpty();
        shot("32-leader-reports");
        driver.get(url("/intake"));
        assertThat(body()).doesNotContain("上传并检查");
        driver.get(url("/projects/list"));
        assertThat(driver.findElements(By.id("list-item-form"))).isEmpty();
        assertThat(driver.findElements(By.linkText("修改"))).isEmpty();

        signIn("auditor");
        waiting().until(ExpectedConditions.urlContains("/audit"));
        assertThat(menu()).contains("审计日志").doesNotContain("总览", "用户管理");
        driver.get(url("/admin/users"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("无权访问");
        driver.findElement(By.id("error-home")).click();
        waiting().until(ExpectedConditions.urlContains("/audit"));
        shot("33-auditor-back-home");
    }
}
