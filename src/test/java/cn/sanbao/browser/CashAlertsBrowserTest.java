package cn.sanbao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import cn.sanbao.cashwatch.DailyBalance;
import cn.sanbao.cashwatch.DailyCashWatch;
import cn.sanbao.intake.Location;

/**
 * 库款预警记录 in headless Chromium on the demo data: 海原县 falls below the floor for the last three days and 西吉县 on the
 * last day; the analyst opens the list from 库款日监测 and sees the warnings, 海原县's escalation to 中卫市 and who was told
 * on which channel; the county user xiji sees only 西吉县's rows.
 */
class CashAlertsBrowserTest extends BrowserTestBase {

    @Autowired DailyCashWatch watch;

    @Test
    void analystSeesWarningsAndEscalationsCountyUserOnlyItsOwn() throws IOException {
        LocalDate last = watch.latestDay().orElseThrow();
        Location at = new Location("浏览器测试.csv", 2, "日终余额");
        watch.store("upload", "浏览器测试.csv", List.of(new DailyBalance("640522", last.minusDays(2), new BigDecimal("1000"), at),
                new DailyBalance("640522", last.minusDays(1), new BigDecimal("1000"), at),
                new DailyBalance("640522", last, new BigDecimal("1000"), at),
                new DailyBalance("640422", last, new BigDecimal("1000"), at)), "analyst");

        signIn("analyst");
        driver.get(url("/cash-watch"));
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("alerts-link"))).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "库款预警记录"));
        // the alerts are written after the revision commits, on the async executor (which the demo's monthly reports may
        // still be busy with): reload until they are there
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofMinutes(5), java.time.Duration.ofSeconds(3)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("cash-alerts")).getText().contains("海原县");
        });
        String table = driver.findElement(By.id("cash-alerts")).getText();
        assertThat(table).contains(last.toString(), "海原县", "西吉县", "预警", "升级", "至中卫市", "单位联系人", "监测分析员", "短信");
        assertThat(driver.findElement(By.cssSelector("thead")).getText())
                .contains("日期", "单位", "库款保障水平", "连续天数", "类型", "接收人", "渠道", "发送状态");
        shot("cash-alerts-01-analyst");

        signIn("xiji");
        driver.get(url("/cash-watch/alerts"));
        String own = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cash-alerts"))).getText();
        assertThat(own).contains("西吉县").doesNotContain("海原县");
        assertThat(driver.findElement(By.cssSelector("#alert-filter select")).getText()).doesNotContain("海原县");
        shot("cash-alerts-02-county-xiji");
    }
}
