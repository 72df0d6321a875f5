package cn.sanbao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The generate form on 报告: the period list follows the report kind and opens on the newest period, so the
 * first click works; the analyst makes a weekly report and a county user its own unit report, each seeing
 * the busy notice and then the download links, and the files are in the archive under their name.
 */
class ReportsBrowserTest extends BrowserTestBase {

    @Autowired JdbcClient jdbc;

    Select select(String id) {
        return new Select(driver.findElement(By.id(id)));
    }

    List<Map<String, Object>> filesBy(String user, String kind) {
        return jdbc.sql("select kind, period, unit_code, format from report_file where created_by = :u and kind = :k")
                .param("u", user).param("k", kind).query().listOfRows();
    }

    void generateAndWait() {
        driver.findElement(By.id("generate")).click();
        // rendering PDF and Excel can take a while on a busy machine: that is what the busy notice is for
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(120))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#generate-result a")));
    }

    @Test
    void analystSwitchesToWeeklyAndGenerates() throws IOException {
        signIn("analyst");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        driver.get(url("/reports"));
        assertThat(select("kind").getFirstSelectedOption().getAttribute("value")).isEqualTo("PROVINCE_MONTHLY");
        assertThat(select("period").getFirstSelectedOption().getAttribute("value")).isEqualTo("2021-12");
        assertThat(select("period").getOptions()).extracting(o -> o.getAttribute("value")).noneMatch(v -> v.contains("W"));

        select("kind").selectByValue("WEEKLY");
        waiting().ignoring(StaleElementReferenceException.class).until(d -> select("period").getFirstSelectedOption().getAttribute("value").equals("2021-W52"));
        assertThat(select("period").getOptions()).extracting(o -> o.getAttribute("value")).allMatch(v -> v.contains("-W"));
        assertThat(driver.findElements(By.id("unit"))).isEmpty();
        shot("20-reports-weekly-periods");
        // while the report is made, the notice shows and the button cannot be pressed twice
        js("window.busySeen = null; document.body.addEventListener('htmx:beforeSend', () => setTimeout(() => { window.busySeen ="
                + " getComputedStyle(document.getElementById('generating')).display !== 'none' && document.getElementById('generate').disabled; }, 0));");
        generateAndWait();
        assertThat(js("return window.busySeen")).isEqualTo(true);
        assertThat(driver.findElement(By.id("generating")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("generate")).isEnabled()).isTrue();
        assertThat(driver.findElement(By.id("generate-result")).getText()).contains("已生成", "周报");
        assertThat(filesBy("analyst", "WEEKLY")).extracting(r -> r.get("period")).contains("2021-W52");
        shot("21-reports-weekly-generated");

        // back to a monthly report: the months come back
        select("kind").selectByValue("UNIT_MONTHLY");
        waiting().ignoring(StaleElementReferenceException.class).until(d -> select("period").getFirstSelectedOption().getAttribute("value").equals("2021-12"));
        assertThat(driver.findElements(By.id("unit"))).isNotEmpty();
    }

    @Test
    void countyUserGeneratesItsOwnMonthlyReport() throws IOException {
        signIn("xiji");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        driver.get(url("/reports"));
        assertThat(select("kind").getOptions()).extracting(WebElement::getText).containsExactly("单位月报");
        assertThat(select("unit").getOptions()).extracting(o -> o.getAttribute("value")).containsExactly("640422");
        assertThat(select("period").getFirstSelectedOption().getAttribute("value")).isEqualTo("2021-12");
        generateAndWait();
        assertThat(filesBy("xiji", "UNIT_MONTHLY")).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("unit_code")).isEqualTo("640422");
            assertThat(r.get("period")).isEqualTo("2021-12");
        });
        shot("22-reports-county-generated");
        // the link works for the county user
        String href = driver.findElement(By.cssSelector("#generate-result a")).getAttribute("href");
        assertThat(href).contains("/reports/").endsWith("/download");
    }
}
