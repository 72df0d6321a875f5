package cn.sanbao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import cn.sanbao.testsupport.Xlsx;

/**
 * Long lists and their Excel buttons in headless Chromium with the demo data: the analyst pages through the
 * project library, filters it and downloads it; 西吉县's user downloads its 预警事项. Screenshots in target/screenshots/.
 */
class ListsBrowserTest extends BrowserTestBase {

    static final Pattern INFO = Pattern.compile("第 (\\d+) / (\\d+) 页，共 (\\d+) 条");

    @Override
    void signIn(String user) {
        super.signIn(user);
        waiting().until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Page, pages, rows of the pager with the given id. */
    int[] pager(String id) {
        Matcher m = INFO.matcher(driver.findElement(By.cssSelector("#" + id + " .pager-info")).getText());
        assertThat(m.find()).isTrue();
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    /** Clicks the 导出 Excel button and waits for the finished file. */
    Path download(String fileName) throws Exception {
        Path file = downloads.resolve(fileName);
        Files.deleteIfExists(file);
        driver.findElement(By.cssSelector("a.export-excel")).click();
        waiting().until(d -> Files.exists(file) && !Files.exists(downloads.resolve(fileName + ".crdownload")));
        return file;
    }

    @Test
    void analystPagesThroughTheProjectLibraryFiltersItAndDownloadsIt() throws Exception {
        signIn("analyst");
        driver.get(url("/projects/library?year=2021"));
        int[] first = pager("projects-pager");
        assertThat(first[0]).isEqualTo(1);
        assertThat(first[1]).isGreaterThan(5);
        assertThat(driver.findElements(By.cssSelector("#projects tbody tr"))).hasSize(50);
        shot("lists-01-library-page1");
        driver.findElement(By.cssSelector("#projects-pager a.next")).click();
        waiting().until(ExpectedConditions.urlContains("page=2"));
        assertThat(pager("projects-pager")[0]).isEqualTo(2);

        new Select(driver.findElement(By.name("tag"))).selectByValue("WAGE");
        driver.findElement(By.cssSelector("form.pj-filter button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("tag=WAGE"));
        int[] wage = pager("projects-pager");
        assertThat(wage[2]).isLessThan(first[2]);
        driver.findElement(By.cssSelector("#projects-pager a.next")).click();
        waiting().until(ExpectedConditions.urlContains("page=2"));
        assertThat(driver.getCurrentUrl()).contains("tag=WAGE");
        assertThat(driver.findElements(By.cssSelector("#projects tbody tr td:nth-child(6)")))
                .allSatisfy(td -> assertThat(td.getText()).isEqualTo("保工资"));
        shot("lists-02-library-wage-page2");

        Xlsx sheet = Xlsx.read(Files.readAllBytes(download("项目库-2021.xlsx")));
        assertThat(sheet.rows()).hasSize(wage[2]);
        assertThat(sheet.column("三保标识")).containsOnly("保工资");
        assertThat(sheet.column("金额（元）")).allSatisfy(v -> assertThat(v).isInstanceOf(Double.class));
    }

    @Test
    void countyUserDownloadsOnlyItsOwnCases() throws Exception {
        signIn("xiji");
        driver.get(url("/warnings"));
        int[] info = pager("cases-pager");
        assertThat(info[2]).isPositive();
        assertThat(driver.findElements(By.cssSelector("#cases tbody tr td:nth-child(2) span")))
                .isNotEmpty().allSatisfy(td -> assertThat(td.getText()).isEqualTo("西吉县"));
        shot("lists-03-xiji-cases");
        Xlsx sheet = Xlsx.read(Files.readAllBytes(download("预警处置.xlsx")));
        assertThat(sheet.headers()).startsWith("编号", "单位", "所属市");
        assertThat(sheet.rows()).hasSize(info[2]);
        assertThat(sheet.column("单位")).containsOnly("西吉县");

        driver.get(url("/monitoring?period=2021-03"));
        assertThat(driver.findElement(By.cssSelector("#ranking-pager .pager-info")).getText()).contains("共 1 条");
        shot("lists-04-xiji-monitoring");
    }
}
