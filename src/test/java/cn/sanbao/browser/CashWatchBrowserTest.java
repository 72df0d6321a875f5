package cn.sanbao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * 库款日监测 in headless Chromium on the demo year: the analyst sees the dashboard panel, the 90-day band chart and the
 * day's units worst first, opens 西吉县's series (7 days in a row below the floor in December), uploads a correction and
 * a bad file; the county user xiji sees only 西吉县, without the unit filter and without the upload.
 */
class CashWatchBrowserTest extends BrowserTestBase {

    @Test
    void analystWatchesAllUnitsAndUploadsCountyUserSeesOnlyItsOwn() throws IOException {
        signIn("analyst");
        driver.get(url("/dashboard?period=2021-12"));
        WebElement panel = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cash-watch-dashboard")));
        assertThat(panel.getText()).contains("库款日监测（近90天）").contains("2021-12-31").contains("低于下限").contains("正常");
        js("arguments[0].scrollIntoView()", panel);
        shot("cash-watch-01-dashboard-analyst");

        driver.findElement(By.id("cash-watch-link")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cash-chart canvas")));
        assertThat(driver.findElement(By.id("latest")).getText()).contains("2021-10-03 至 2021-12-31");
        List<WebElement> rows = driver.findElements(By.cssSelector("#cash-table tbody tr"));
        assertThat(rows).hasSizeGreaterThan(20);
        assertThat(driver.findElement(By.id("cash-table")).getText()).contains("西吉县").contains("海原县").contains("万元");
        assertThat(driver.findElement(By.id("upload")).isDisplayed()).isTrue();
        shot("cash-watch-02-region-analyst");
        js("arguments[0].scrollIntoView()", driver.findElement(By.id("cash-table")));
        shot("cash-watch-02b-table-analyst");

        new Select(driver.findElement(By.cssSelector("#unit-filter select"))).selectByVisibleText("西吉县");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "西吉县"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cash-chart canvas")));
        String series = driver.findElement(By.id("cash-table")).getText();
        assertThat(series).contains("2021-12-31");
        shot("cash-watch-03-unit-xiji-analyst");
        driver.get(url("/cash-watch?unit=640422&page=1"));
        String dip = String.join("\n", driver.findElements(By.cssSelector("#cash-table tbody tr")).stream()
                .map(WebElement::getText).filter(t -> t.startsWith("2021-12-19")).toList());
        assertThat(dip).contains("低于下限").endsWith(" 7");

        Path good = Files.createTempFile("库款日报", ".csv");
        Files.writeString(good, "单位编码,日期,日终余额（元）\n640422,2021-12-31,12345678.90\n", StandardCharsets.UTF_8);
        driver.get(url("/cash-watch"));
        driver.findElement(By.cssSelector("#upload input[type=file]")).sendKeys(good.toString());
        driver.findElement(By.cssSelector("#upload button[type=submit]")).click();
        assertThat(waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("upload-result"))).getText())
                .contains("已保存为数据修订").contains("1 行");
        assertThat(driver.findElement(By.id("history")).getText()).contains("文件上传").contains("analyst").contains("演示数据");
        shot("cash-watch-04-upload-stored");

        Path bad = Files.createTempFile("库款日报-错误", ".csv");
        Files.writeString(bad, "单位编码,日期,日终余额（元）\n640000,2021-12-31,1\n640422,2021-12-31,-5\n", StandardCharsets.UTF_8);
        driver.findElement(By.cssSelector("#upload input[type=file]")).sendKeys(bad.toString());
        driver.findElement(By.cssSelector("#upload button[type=submit]")).click();
        String findings = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("findings"))).getText();
        assertThat(findings).contains("未保存").contains("汇总单位").contains("日终余额不能为负数").contains("单位编码");
        shot("cash-watch-05-upload-rejected");

        signIn("xiji");
        driver.get(url("/cash-watch"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cash-chart canvas")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("西吉县");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("海原县");
        assertThat(driver.findElements(By.id("upload"))).isEmpty();
        assertThat(driver.findElements(By.id("unit-filter"))).isEmpty();
        assertThat(driver.findElements(By.id("history"))).isEmpty();
        shot("cash-watch-06-county-xiji");
        js("arguments[0].scrollIntoView()", driver.findElement(By.id("cash-table")));
        shot("cash-watch-06b-county-xiji-table");
        driver.get(url("/cash-watch?unit=640522"));
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("海原县 库款日监测");
        driver.get(url("/dashboard?period=2021-12"));
        assertThat(waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cash-watch-dashboard"))).getText())
                .contains("共 1 个单位");
    }
}
