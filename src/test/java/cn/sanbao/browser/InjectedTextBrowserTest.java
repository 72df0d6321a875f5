package cn.sanbao.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import cn.sanbao.kernel.Period;
import cn.sanbao.monitoring.ModelRegistry;
import cn.sanbao.monitoring.ModelVersion;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.testsupport.SiteCrawl;
import cn.sanbao.warnings.CaseService;
import cn.sanbao.warnings.Contact;
import cn.sanbao.warnings.ContactService;
import cn.sanbao.warnings.PublicationService;
import cn.sanbao.warnings.letter.LetterService;

/**
 * Stored XSS: text a user can write (grade and indicator names of a published model, case comments, contact
 * names, the letter template) is set to markup that would run script, then every page shape each role reaches
 * is opened in headless Chromium. No injected script may run, and every HTML page carries the CSP header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browserxss;DB_CLOSE_DELAY=-1", "sanbao.demo.enabled=true",
        "sanbao.reports.on-publication=false"})
class InjectedTextBrowserTest {

    /** Runs script in a page that writes it raw, in HTML text, in an attribute, or inside a script element. */
    static final String PAYLOAD = "\"'></script><script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";

    /** For columns of 64 characters or fewer (contact names, grade names). */
    static final String SHORT = "<img src=x onerror=__xss=4>";

    static WebDriver driver;
    static Path profile;

    @LocalServerPort int port;
    @Autowired WebApplicationContext context;
    @Autowired ModelRegistry models;
    @Autowired ScoringRunService scoring;
    @Autowired PublicationService publishing;
    @Autowired CaseService cases;
    @Autowired ContactService contacts;
    @Autowired LetterService letters;

    @BeforeAll
    static void browser() throws IOException {
        assumeTrue(Files.isExecutable(ConsoleBrowserTest.CHROMIUM) && Files.isExecutable(ConsoleBrowserTest.DRIVER),
                "跳过浏览器测试：未找到 /usr/bin/chromium 或 /usr/bin/chromedriver");
        profile = Files.createTempDirectory("sanbao-xss");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ConsoleBrowserTest.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--window-size=1366,768");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(ConsoleBrowserTest.DRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void close() {
        if (driver != null) driver.quit();
    }

    /** Writes the payload everywhere a user can, as the analyst would. */
    void inject() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("analyst", null,
                List.of(new SimpleGrantedAuthority("ROLE_ANALYST"))));
        try {
            ModelVersion published = models.publishedFor(Period.month(2021, 3));
            ModelVersion draft = models.copyToDraft(published.id(), "analyst");
            // grade names are stored in 32 characters: the short payload fits
            String yaml = draft.sourceYaml().replace("name: 高度风险", "name: '高度风险" + SHORT + "'")
                    .replace("name: 库款保障倍数", "name: '库款保障倍数" + PAYLOAD.replace("'", "''") + "'");
            models.saveDraft(draft.id(), yaml, "analyst");
            models.submit(draft.id(), Period.month(2021, 1), "测试：名称中的标记必须按文本显示", "analyst");
            models.approve(draft.id(), "leader");
            scoring.run(Period.month(2021, 3), "analyst", "备注" + PAYLOAD);
            try {
                publishing.publish(Period.month(2021, 3), "analyst");
            } catch (IllegalArgumentException alreadyPublished) {
                // the demo may have published March already; its cases still get the comments below
            }
            cases.list(null, null, null, null).stream().limit(3).forEach(c -> cases.comment(c.c().id(), "analyst", "意见" + PAYLOAD));
            contacts.add(new Contact(0, "640422", Contact.UNIT, "张三" + SHORT, "科长" + SHORT, "13800000000", null, null, true), "analyst");
            var t = letters.template();
            letters.updateTemplate(t.title() + PAYLOAD, t.body() + PAYLOAD, t.actions(), t.office(), t.docPrefix(), "analyst");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void noInjectedScriptRunsOnAnyPageAndEveryPageHasTheCsp() throws Exception {
        inject();
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        Map<String, RequestPostProcessor> roles = new LinkedHashMap<>();
        roles.put("analyst", user("analyst").roles("ANALYST"));
        roles.put("xiji", user("xiji").authorities(() -> "ROLE_LOCAL", () -> "SCOPE_640422"));
        List<String> wrong = new ArrayList<>();
        int visited = 0;
        for (var role : roles.entrySet()) {
            List<SiteCrawl.Page> pages = new SiteCrawl(mvc, role.getValue()).perShape(1).maxPages(120)
                    .from("/dashboard", "/monitoring", "/warnings", "/warnings/settings", "/intake", "/reports", "/projects",
                            "/decision/runway", "/models", "/monitoring/units/640422?period=2021-03", "/reports/preview?kind=REGION_MONTH&period=2021-03");
            signIn(role.getKey());
            for (SiteCrawl.Page page : pages) {
                if (!page.html() || page.status() != 200) continue;
                if (page.body().contains("<script>window.__xss")) wrong.add(role.getKey() + " " + page.url() + " writes the payload as markup");
                driver.get("http://localhost:" + port + page.url());
                visited++;
                Object xss = ((JavascriptExecutor) driver).executeScript("return window.__xss === undefined ? null : window.__xss;");
                if (xss != null) wrong.add(role.getKey() + " " + page.url() + " ran injected script (" + xss + ")");
            }
        }
        // the CSP on every HTML page (the crawl's responses come from the same filter chain)
        List<SiteCrawl.Page> pages = new SiteCrawl(mvc, roles.get("analyst")).perShape(1).maxPages(60).from("/dashboard");
        for (SiteCrawl.Page p : pages) {
            if (!p.html()) continue;
            String csp = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(java.net.URI.create(p.url()))
                    .with(roles.get("analyst"))).andReturn().getResponse().getHeader("Content-Security-Policy");
            if (csp == null || !csp.contains("script-src 'self'") || !csp.contains("frame-ancestors 'none'")) wrong.add(p.url() + " CSP: " + csp);
        }
        assertThat(visited).isGreaterThan(20);
        assertThat(wrong).isEmpty();
        // the grade name is shown, as text
        signIn("analyst");
        driver.get("http://localhost:" + port + "/monitoring/units/640422?period=2021-03");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("库款保障倍数\"'></script>");
    }

    void signIn(String user) {
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys("sanbao-demo");
        driver.findElement(By.cssSelector("button.primary")).click();
        // the next driver.get must not race the sign-in redirect (it would land on the start page)
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                .until(d -> !d.getCurrentUrl().contains("/login"));
    }
}
