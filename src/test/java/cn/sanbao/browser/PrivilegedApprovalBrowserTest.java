package cn.sanbao.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import cn.sanbao.security.AccountService;
import cn.sanbao.security.Roles;

/**
 * 三员分立 in the browser: the system administrator asks to reset the auditor's password on 特权账号审批, the
 * security administrator sees the request and approves it. Screenshots: target/screenshots/privileged-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:privileged-browser;DB_CLOSE_DELAY=-1", "sanbao.demo.enabled=false",
        "sanbao.audit.key=browser-test-audit-key-0001", "sanbao.audit.anchor-file=target/privileged-browser-anchor.log",
        "sanbao.reports.schedule.weekly=-", "sanbao.reports.schedule.monthly=-"})
class PrivilegedApprovalBrowserTest {

    static final String PASSWORD = "Tallow-Bridge-77";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    static WebDriver driver;
    static Path profile;

    @BeforeAll
    static void browser() throws IOException {
        assumeTrue(Files.isExecutable(ConsoleBrowserTest.CHROMIUM) && Files.isExecutable(ConsoleBrowserTest.DRIVER),
                "跳过浏览器测试：未找到 /usr/bin/chromium 或 /usr/bin/chromedriver");
        profile = Files.createTempDirectory("sanbao-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ConsoleBrowserTest.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1366,768", "--lang=zh-CN");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(ConsoleBrowserTest.DRIVER.toFile())
                .usingAnyFreePort().build(), options);
        Files.createDirectories(ConsoleBrowserTest.SHOTS);
    }

    @AfterAll
    static void close() {
        if (driver != null) driver.quit();
    }

    void account(String name, String role) {
        String once = accounts.recover("测试", "ci", name, role);
        accounts.changeOwnPassword(name, once, PASSWORD, null);
    }

    void signIn(String name) {
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.name("username")).sendKeys(name);
        driver.findElement(By.name("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        driver.get("http://localhost:" + port + "/admin/requests");
    }

    void shot(String name) throws IOException {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), ConsoleBrowserTest.SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void systemAdministratorRequestsAndSecurityAdministratorApproves() throws IOException {
        account("sys1", Roles.SYSTEM_ADMIN);
        account("sec1", Roles.SECURITY_ADMIN);
        account("aud1", Roles.AUDITOR);
        signIn("sys1");
        new Select(driver.findElement(By.name("action"))).selectByValue("PASSWORD_RESET");
        new Select(driver.findElement(By.name("target"))).selectByValue("aud1");
        driver.findElement(By.name("password")).sendKeys("Quartz-Lantern-31");
        driver.findElement(By.cssSelector("#new-request button")).click();
        assertThat(driver.findElement(By.className("notice")).getText()).contains("已提交申请");
        shot("privileged-requested");

        signIn("sec1");
        assertThat(driver.findElement(By.id("requests")).getText()).contains("aud1").contains("重置密码").contains("sys1（系统管理员）");
        shot("privileged-pending");
        driver.findElement(By.cssSelector("#requests button.primary")).click();
        assertThat(driver.findElement(By.className("notice")).getText()).contains("已批准申请");
        shot("privileged-approved");
        assertThat(accounts.require("aud1").mustChange()).isTrue();
    }
}
