package cn.sanbao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import cn.sanbao.warnings.CaseRepository;
import cn.sanbao.warnings.CaseStatus;
import cn.sanbao.warnings.PublicationRepository;
import cn.sanbao.warnings.WarningCase;

/**
 * The console on a 390 × 844 phone (Chromium's device emulation) and, for comparison, on a desktop: the dashboard
 * with its county map, and a county user reading its warning case, submitting a plan, uploading an attachment and
 * reading the letter. No page is wider than the screen; wide tables scroll inside their own box. Full-page
 * screenshots go to target/screenshots/phone-*.png and desktop-*.png.
 */
class PhoneBrowserTest extends BrowserTestBase {

    @Autowired CaseRepository cases;
    @Autowired PublicationRepository publications;

    static final int PHONE_WIDTH = 390;
    /** The emulated screen width, 0 on the desktop. */
    int width;

    void phone() {
        width = PHONE_WIDTH;
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE_WIDTH, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    @AfterEach
    void desktop() {
        width = 0;
        ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** The whole page, not only the visible part. */
    void fullShot(String name) throws Exception {
        Map<String, Object> shot = ((ChromeDriver) driver).executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Files.write(SHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** Nothing sticks out to the right of the screen, and the page header holds all it shows. */
    void fitsTheScreen() {
        // against the phone's width: a phone widens its layout viewport (and window.innerWidth) to fit a page too wide
        assertThat((Long) js("return document.documentElement.scrollWidth - (arguments[0] || window.innerWidth)", width))
                .isLessThanOrEqualTo(0L);
        assertThat((Long) js("var h = document.querySelector('header.topbar').getBoundingClientRect();"
                + "return Array.from(document.querySelectorAll('header.topbar *')).filter(e => e.offsetParent !== null)"
                + ".filter(e => { var r = e.getBoundingClientRect(); return r.bottom > h.bottom + 1 || r.right > h.right + 1; }).length"))
                .isZero();
    }

    void menuOpens() {
        WebElement toggle = driver.findElement(By.id("nav-toggle"));
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector("header nav")).isDisplayed()).isFalse();
        toggle.click();
        assertThat(driver.findElement(By.cssSelector("header nav")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("current-role")).isDisplayed()).isTrue();
        fitsTheScreen();
        toggle.click();
        assertThat(driver.findElement(By.cssSelector("header nav")).isDisplayed()).isFalse();
    }

    void mapReady() {
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-map-ready")));
    }

    @Test
    void analystReadsTheDashboardAndZoomsTheCountyMapOnAPhone() throws Exception {
        phone();
        signIn("analyst");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        driver.get(url("/dashboard?period=2021-03"));
        mapReady();
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ranking-ready")));
        fitsTheScreen();
        assertThat(js("return window.sanbaoCharts.map.getOption().series[1].data.length")).isEqualTo(28L);
        // the ranking is wider than the phone: it scrolls inside its own box
        assertThat((Boolean) js("var t = document.getElementById('ranking'); return t.scrollWidth > t.clientWidth"
                + " && getComputedStyle(t).overflowX === 'auto'")).isTrue();
        assertThat(driver.findElement(By.cssSelector("#map-legend")).getText()).contains("平稳运行", "高度风险", "数据缺失");
        assertThat(driver.findElement(By.id("map-note")).getText()).startsWith("示意图");
        fullShot("phone-01-dashboard");
        menuOpens();
        driver.findElement(By.id("nav-toggle")).click();
        fullShot("phone-02-menu-open");
        driver.findElement(By.id("nav-toggle")).click();

        // choosing 固原市 zooms the map to its counties
        double before = ((Number) js("return window.sanbaoCountyMap.view().x[1] - window.sanbaoCountyMap.view().x[0]")).doubleValue();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("map-city"))).selectByVisibleText("固原市");
        double after = ((Number) js("return window.sanbaoCountyMap.view().x[1] - window.sanbaoCountyMap.view().x[0]")).doubleValue();
        assertThat(after).isLessThan(before);
        js("document.getElementById('map').scrollIntoView()");
        shot("phone-03-map-guyuan");
    }

    @Test
    void countyUserHandlesItsWarningCaseAndReadsTheLetterOnAPhone() throws Exception {
        WarningCase own = cases.latestOfUnit("640422").orElseThrow();
        assertThat(own.caseStatus()).isEqualTo(CaseStatus.WARNED);
        int attachmentsBefore = cases.attachments(own.id()).size();
        phone();
        signIn("xiji");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        mapReady();
        fitsTheScreen();
        // its own unit, coloured and outlined, among the grey places of the others
        assertThat(js("return window.sanbaoCountyMap.data.cells.map(c => c.name).join()")).isEqualTo("西吉县");
        assertThat(js("return window.sanbaoCharts.map.getOption().series[0].data.length")).isEqualTo(27L);
        assertThat(driver.findElement(By.id("map-own")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("map-city")).isDisplayed()).isFalse();
        fullShot("phone-10-dashboard-xiji");

        driver.get(url("/warnings/cases/" + own.id()));
        fitsTheScreen();
        fullShot("phone-11-case-xiji");
        menuOpens();

        Path plan = Files.createTempFile("整改方案", ".pdf");
        Files.writeString(plan, "%PDF-1.4 plan");
        WebElement planForm = driver.findElement(By.cssSelector("form[action$='/plan']"));
        planForm.findElement(By.name("text")).sendKeys("清偿拖欠工资，压减一般性支出，三个月内补足库款");
        planForm.findElement(By.name("file")).sendKeys(plan.toString());
        assertThat(planForm.findElement(By.name("text")).getSize().getWidth()).isGreaterThan(300);
        planForm.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice")));
        assertThat(cases.find(own.id()).orElseThrow().caseStatus()).isEqualTo(CaseStatus.PLAN_SUBMITTED);
        fitsTheScreen();

        Path photo = Files.createTempFile("现场照片", ".pdf");
        Files.writeString(photo, "%PDF-1.4 photo");
        WebElement attach = driver.findElement(By.cssSelector("form[action$='/attach']"));
        attach.findElement(By.name("file")).sendKeys(photo.toString());
        attach.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> cases.attachments(own.id()).size() == attachmentsBefore + 2);
        driver.navigate().refresh();
        List<WebElement> files = driver.findElements(By.cssSelector("a[href*='/attachments/']"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        fitsTheScreen();
        fullShot("phone-12-case-after-plan");

        long warning = publications.warningsOfCase(own.id()).get(0).id();
        driver.get(url("/warnings/letters/" + warning));
        fitsTheScreen();
        assertThat(driver.findElement(By.cssSelector(".letter-sheet")).getText()).contains("西吉县");
        fullShot("phone-13-letter");
    }

    @Test
    void desktopScreensKeepTheirLayout() throws Exception {
        signIn("analyst");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        driver.get(url("/dashboard?period=2021-03"));
        mapReady();
        fitsTheScreen();
        assertThat(driver.findElement(By.id("nav-toggle")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector("header nav")).isDisplayed()).isTrue();
        // map and trend side by side
        assertThat(js("return document.getElementById('map').closest('.panel').getBoundingClientRect().top"))
                .isEqualTo(js("return document.getElementById('trend').closest('.panel').getBoundingClientRect().top"));
        shot("desktop-01-dashboard");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("map-city"))).selectByVisibleText("银川市");
        js("document.getElementById('map').scrollIntoView()");
        shot("desktop-02-map-yinchuan");

        WarningCase any = cases.all().get(0);
        driver.get(url("/warnings/cases/" + any.id()));
        fitsTheScreen();
        shot("desktop-03-case");
        driver.get(url("/warnings/letters/" + publications.warningsOfCase(any.id()).get(0).id()));
        shot("desktop-04-letter");
    }
}
