package cn.sanbao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 单位画像 as the leader and as the county user 西吉县, on a desk (1366×768) and a phone (390×844): the charts are
 * drawn, the page never needs sideways scrolling (wide tables scroll inside their own box), and a county user
 * reaching another county's portrait gets the refusal page.
 */
class PortraitBrowserTest extends BrowserTestBase {

    @AfterEach
    void desk() {
        if (driver != null) driver.manage().window().setSize(new Dimension(1366, 768));
    }

    void open(String path) {
        driver.get(url(path));
        waiting().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-charts-ready", "true"));
    }

    long charts() {
        return (Long) js("return Object.values(window.sanbaoCharts).filter(c => c.getOption().series.length > 0).length");
    }

    void fitsTheScreen() {
        Object wide = js("return Array.from(document.querySelectorAll('main *')).filter(e => !e.closest('.portrait-scroll') && e.getBoundingClientRect().right > window.innerWidth + 1)"
                + ".slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
        assertThat((Long) js("return document.querySelector('main').scrollWidth")).as("wider than the screen: %s", wide)
                .isLessThanOrEqualTo((Long) js("return window.innerWidth"));
    }

    @Test
    void leaderReadsACountyOnDeskAndPhone() throws IOException {
        signIn("leader");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        open("/units/640422?period=2021-12");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("西吉县", "单位画像");
        assertThat(charts()).isEqualTo(15); // grades, 12 indicators, pillars, runway
        assertThat(driver.findElement(By.id("portrait-section-0")).getText()).contains("在全区预算单位中排第");
        assertThat(driver.findElement(By.id("portrait-section-5")).getText()).contains("全区预算单位");
        fitsTheScreen();
        shot("portrait-leader-desk");
        js("document.getElementById('portrait-section-2').scrollIntoView()");
        shot("portrait-leader-desk-indicators");

        driver.manage().window().setSize(new Dimension(390, 844));
        open("/units/640422?period=2021-12");
        assertThat(charts()).isEqualTo(15);
        fitsTheScreen();
        // one chart per row on a phone
        assertThat((Long) js("return document.querySelector('#chart-indicator-0').getBoundingClientRect().width > 300 ? 1 : 0")).isEqualTo(1L);
        shot("portrait-leader-phone");
        js("document.getElementById('portrait-section-2').scrollIntoView()");
        shot("portrait-leader-phone-indicators");
    }

    @Test
    void countyUserSeesItsOwnPortraitOnly() throws IOException {
        signIn("xiji");
        waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        driver.get(url("/units"));
        waiting().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-charts-ready", "true"));
        assertThat(driver.getCurrentUrl()).contains("/units/640422");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("西吉县");
        fitsTheScreen();
        shot("portrait-xiji-desk");

        driver.manage().window().setSize(new Dimension(390, 844));
        open("/units/640422");
        fitsTheScreen();
        shot("portrait-xiji-phone");
        js("document.getElementById('portrait-section-4').scrollIntoView()");
        shot("portrait-xiji-phone-runway");

        driver.get(url("/units/640423"));
        assertThat(driver.getPageSource()).doesNotContain("隆德县单位画像");
        shot("portrait-xiji-other-county");
    }
}
