package cn.sanbao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An analyst opens 监测结果 after imports that asked for re-scoring: the outcome of each request (the run it produced,
 * or why none ran) is listed with the period in words, and 全部记录 opens the whole list with its pager and Excel
 * export; a county user does not see the list.
 */
class RescoringBrowserTest extends BrowserTestBase {

    @Autowired JdbcClient jdbc;

    @Test
    void theAnalystSeesWhatBecameOfEachRescoringRequest() throws IOException {
        long run = jdbc.sql("select max(id) from scoring_run where period = '2021-12'").query(Long.class).single();
        long revision = jdbc.sql("select max(id) from fact_revision").query(Long.class).single();
        jdbc.sql("delete from rescoring_request where revision_id in (?, ?)").params(revision, revision - 1).update();
        jdbc.sql("insert into rescoring_request values (?, '2021-12', 'analyst', ?, ?, null)")
                .params(revision, Timestamp.valueOf(LocalDateTime.of(2022, 1, 5, 9, 30)), run).update();
        jdbc.sql("insert into rescoring_request values (?, '2021-11', 'analyst', ?, null, '2021年11月没有已发布的监测模型')")
                .params(revision - 1, Timestamp.valueOf(LocalDateTime.of(2022, 1, 5, 9, 31))).update();

        signIn("analyst");
        driver.get(url("/monitoring?period=2021-12"));
        WebElement table = waiting().until(d -> d.findElement(By.id("rescorings")));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", table);
        shot("rescorings-analyst");
        assertThat(table.isDisplayed()).isTrue();
        assertThat(table.getText()).contains("导入后重新评分").contains("2021年12月").contains("已运行：监测运行 #" + run)
                .contains("2021年11月").contains("未运行：2021年11月没有已发布的监测模型").doesNotContain("2021-12");

        driver.findElement(By.id("rescorings-all-link")).click();
        WebElement all = waiting().until(d -> d.findElement(By.id("rescorings-all")));
        shot("rescorings-all-analyst");
        assertThat(all.getText()).contains("已运行：监测运行 #" + run).contains("未运行：2021年11月没有已发布的监测模型");
        assertThat(driver.findElement(By.id("rescorings-pager")).getText()).contains("第 1 / 1 页");
        assertThat(driver.findElement(By.cssSelector("a.export-excel")).getAttribute("href")).endsWith("/monitoring/rescorings/export");

        signIn("xiji");
        driver.get(url("/monitoring?period=2021-12"));
        waiting().until(d -> d.findElement(By.tagName("main")));
        assertThat(driver.findElements(By.id("rescorings"))).isEmpty();
    }
}
