package cn.sanbao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The county user xiji (西吉县, city 固原市) on 总览: the 所属市 filter is its own city as text, no list of the other
 * cities, and the ranking (loaded by dashboard.js from the JSON API) still shows its unit. Screenshot:
 * target/screenshots/scope-01-dashboard-xiji.png.
 */
class ScopedFilterBrowserTest extends BrowserTestBase {

    @Test
    void aCountyUserSeesItsOwnCityInsteadOfAListOfEveryCity() throws IOException {
        signIn("xiji");
        driver.get(url("/dashboard?period=2021-04"));
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ranking-ready")));
        assertThat(driver.findElements(By.cssSelector("select[name=city]"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("#ranking-filter label.fixed-city")).getText()).isEqualTo("所属市 固原市");
        assertThat(driver.findElement(By.id("ranking-filter")).getText()).doesNotContain("银川市", "石嘴山市", "吴忠市", "中卫市");
        long visible = (Long) js("return Array.from(document.querySelectorAll('#ranking tbody tr')).filter(r => r.style.display !== 'none').length");
        assertThat(visible).isEqualTo(1);
        assertThat(driver.findElement(By.id("ranking")).getText()).contains("西吉县", "固原市");
        js("document.getElementById('ranking-filter').scrollIntoView()");
        shot("scope-01-dashboard-xiji");
    }
}
