package cn.sanbao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import cn.sanbao.monitoring.ModelRegistry;
import cn.sanbao.monitoring.ModelVersion;
import cn.sanbao.monitoring.ScoringRun;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.kernel.Period;
import cn.sanbao.warnings.Contact;
import cn.sanbao.warnings.Publication;
import cn.sanbao.warnings.PublicationRepository;
import cn.sanbao.warnings.Warning;
import cn.sanbao.notify.OutboxMessage;
import cn.sanbao.notify.outbox.OutboxRepository;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everyday jobs done on screen by the person who does them, checked in the database afterwards. Its own
 * database: publishing a model here must not change what the console test copies and simulates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:workflow;DB_CLOSE_DELAY=-1", "sanbao.demo.enabled=true",
        "sanbao.reports.on-publication=false"})
class WorkflowBrowserTest extends BrowserTestBase {

    @Autowired ScoringRunService scoring;
    @Autowired ModelRegistry models;
    @Autowired PublicationRepository publications;
    @Autowired OutboxRepository outbox;
    @Autowired JdbcClient jdbc;
    @Autowired cn.sanbao.warnings.CaseRepository cases;

    WebDriverWait slowly() {
        return new WebDriverWait(driver, Duration.ofSeconds(120));
    }

    long idFromUrl() {
        String u = driver.getCurrentUrl();
        return Long.parseLong(u.substring(u.lastIndexOf('/') + 1).replaceAll("[^0-9].*$", ""));
    }

    @Test
    void analystRunsMonitoringForARangeOfMonthsAndOpensTheRuns() throws IOException {
        signIn("analyst");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        driver.get(url("/monitoring?period=2021-03"));
        WebElement year = driver.findElement(By.id("run-year"));
        year.clear();
        year.sendKeys("2021");
        new Select(driver.findElement(By.id("run-type"))).selectByValue("MONTH");
        driver.findElement(By.id("run-from")).sendKeys("2");
        driver.findElement(By.id("run-to")).sendKeys("3");
        shot("20-run-monitoring-form");
        driver.findElement(By.id("run-submit")).click();
        slowly().until(ExpectedConditions.presenceOfElementLocated(By.id("job-done")));
        assertThat(driver.findElement(By.id("job-status")).getText()).contains("已完成 2 / 2 个期间");
        List<WebElement> links = driver.findElements(By.cssSelector("#job-runs a"));
        assertThat(links).hasSize(2);
        // the stored runs are the newest of their months, scored with the version in force, by this analyst
        ScoringRun march = scoring.runs("2021-03").get(0);
        assertThat(links.get(1).getText()).isEqualTo("#" + march.id());
        assertThat(march.startedBy()).isEqualTo("analyst");
        assertThat(march.modelVersionId()).isEqualTo(models.publishedFor(cn.sanbao.kernel.Period.month(2021, 3)).id());
        assertThat(scoring.runs("2021-02").get(0).startedBy()).isEqualTo("analyst");
        shot("21-run-monitoring-done");
        links.get(1).click();
        waiting().until(ExpectedConditions.urlContains("period=2021-03"));
        assertThat(driver.findElement(By.cssSelector("p.meta")).getText()).contains("监测运行 #" + march.id());
    }

    @Test
    void aLeaderApprovesAnAnalystsModelAndTheAnalystReRunsTheCoveredPeriods() throws IOException {
        signIn("analyst");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        driver.get(url("/models"));
        driver.findElement(By.id("copy-current")).click();
        waiting().until(ExpectedConditions.urlMatches(".*/models/\\d+$"));
        long id = idFromUrl();
        WebElement yaml = driver.findElement(By.id("yaml"));
        String stricter = yaml.getAttribute("value").replace("{ code: STABLE, name: 平稳运行, min: 85 }", "{ code: STABLE, name: 平稳运行, min: 95 }");
        js("arguments[0].value = arguments[1];", yaml, stricter);
        driver.findElement(By.id("save")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "草稿已保存"));
        driver.findElement(By.id("effectiveFrom")).sendKeys("2021-12");
        driver.findElement(By.id("reason")).sendKeys("平稳运行门槛提高到 95 分");
        driver.findElement(By.id("publish")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已提交发布审核"));
        assertThat(models.version(id).status()).isEqualTo(ModelVersion.PENDING);
        assertThat(driver.findElements(By.id("approve"))).isEmpty();

        // the leader sees who submitted what and which units would change grade, then approves
        signIn("leader");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        driver.get(url("/models/" + id));
        assertThat(driver.findElement(By.id("review")).getText()).contains("analyst", "平稳运行门槛提高到 95 分", "2021年12月");
        assertThat(driver.findElements(By.cssSelector("#review tr.changed"))).isNotEmpty();
        js("arguments[0].scrollIntoView()", driver.findElement(By.id("review")));
        shot("22-model-approval");
        driver.findElement(By.id("approve")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已审核通过并发布"));
        ModelVersion published = models.version(id);
        assertThat(published.status()).isEqualTo(ModelVersion.PUBLISHED);
        assertThat(published.publishedBy()).isEqualTo("leader");
        assertThat(published.submittedBy()).isEqualTo("analyst");
        // the leader cannot run monitoring, so is not offered the re-run
        assertThat(driver.findElements(By.id("rerun-submit"))).isEmpty();

        // the analyst is offered the periods the version now covers, with the grade changes first
        signIn("analyst");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        driver.get(url("/models/" + id));
        String offer = driver.findElement(By.id("rerun")).getText();
        assertThat(offer).contains("2021-12");
        assertThat(driver.findElements(By.cssSelector("#rerun tr.changed"))).isNotEmpty();
        shot("23-rerun-offer");
        driver.findElement(By.id("rerun-submit")).click();
        slowly().until(ExpectedConditions.presenceOfElementLocated(By.id("job-done")));
        ScoringRun december = scoring.runs("2021-12").get(0);
        assertThat(december.modelVersionId()).isEqualTo(id);
        assertThat(scoring.runs("2021-W52").get(0).modelVersionId()).isEqualTo(id);
        assertThat(driver.findElement(By.id("job-runs")).getText()).contains("#" + december.id());
        shot("24-rerun-done");
    }

    @Test
    void analystSeesWhoGetsWhatBeforeSendingAndPublishingAMonthAgainRepeatsNoMessage() throws IOException {
        // 预警设置 gained a contact for a unit warned in December, and December was re-run after a data correction
        Publication december = publications.latestPublication("2021-12").orElseThrow();
        Warning warned = publications.warningsOfPublication(december.id()).get(0);
        publications.addContact(warned.unitCode(), Contact.UNIT, "王会计", "科员", "13900000002", "wx-wang", null);
        ScoringRun rerun = scoring.run(Period.month(2021, 12), "analyst", "数据更正后重新运行");
        int before = jdbc.sql("select count(*) from warning_outbox").query(Integer.class).single();

        signIn("analyst");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        driver.get(url("/warnings"));
        new Select(driver.findElement(By.id("publish-period"))).selectByValue("2021-12");
        driver.findElement(By.id("publish-preview")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("preview-summary")));
        // nothing is stored or sent by looking
        assertThat(publications.publicationForRun(rerun.id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from warning_outbox").query(Integer.class).single()).isEqualTo(before);
        String recipients = driver.findElement(By.id("preview-recipients")).getText();
        assertThat(recipients).contains("王会计", "13900000002", "wx-wang");
        assertThat(driver.findElement(By.id("preview-already")).getText()).contains("不再重复发送");
        assertThat(driver.findElement(By.id("preview-channels")).getText()).contains("短信", "企业微信");
        assertThat(driver.findElements(By.cssSelector(".message-sample pre"))).isNotEmpty();
        int previewed = driver.findElements(By.cssSelector("#preview-recipients tbody tr")).size();
        shot("30-publish-preview");

        driver.findElement(By.id("confirm-publish")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "监测结果已发布"));
        Publication published = publications.publicationForRun(rerun.id()).orElseThrow();
        List<OutboxMessage> queued = outbox.ofPublication(published.id());
        assertThat(queued).hasSize(previewed);
        assertThat(queued).anySatisfy(m -> assertThat(m.recipientName()).isEqualTo("王会计"));
        // nobody got December twice on the same channel
        assertThat(jdbc.sql("select count(*) from (select o.unit_code, o.recipient_name, o.channel from warning_outbox o "
                + "join warning_publication p on p.id = o.publication_id where p.period = '2021-12' "
                + "group by o.unit_code, o.recipient_name, o.channel having count(*) > 1) d").query(Integer.class).single()).isZero();
        shot("31-published-after-check");
    }

    /** Sets a date or time input the way a person's picker would leave it. */
    void fill(String id, String value) {
        js("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), value);
    }

    byte[] download(String path) throws Exception {
        // sessions kept in the database use the SESSION cookie, container sessions JSESSIONID
        var cookie = driver.manage().getCookieNamed("SESSION");
        if (cookie == null) cookie = driver.manage().getCookieNamed("JSESSIONID");
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path)))
                .header("Cookie", cookie.getName() + "=" + cookie.getValue()).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aLeaderSummonsOneUnitAndNamesAnotherInTheMonthsNotice() throws Exception {
        List<cn.sanbao.warnings.WarningCase> open = cases.all().stream()
                .filter(c -> c.caseStatus() != cn.sanbao.warnings.CaseStatus.CLOSED && c.escalation() == null).toList();
        cn.sanbao.warnings.WarningCase summoned = open.get(0), named = open.get(1);
        java.time.LocalDate today = java.time.LocalDate.now();
        signIn("leader");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        driver.get(url("/warnings/cases/" + summoned.id()));
        new Select(driver.findElement(By.id("esc-level"))).selectByValue("SUMMONS");
        fill("esc-date", today.toString());
        driver.findElement(By.id("esc-reason")).sendKeys("连续两月库款保障不足，约谈县政府主要负责人");
        fill("esc-meeting-at", today.plusDays(3) + "T09:30");
        driver.findElement(By.id("esc-place")).sendKeys("自治区财政厅 3 楼会议室");
        driver.findElement(By.id("esc-attendees")).sendKeys("县长、财政局局长");
        driver.findElement(By.id("esc-submit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "升级处置已调整"));
        assertThat(cases.find(summoned.id()).orElseThrow().escalation()).isEqualTo("SUMMONS");
        assertThat(jdbc.sql("select meeting_place from warning_case_escalation where case_id = ?").param(summoned.id())
                .query(String.class).single()).isEqualTo("自治区财政厅 3 楼会议室");
        assertThat(driver.findElement(By.id("escalation-decisions")).getText()).contains("约谈", "县长、财政局局长", today.plusDays(3) + " 09:30");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("升级处置", "自治区财政厅 3 楼会议室");
        js("arguments[0].scrollIntoView()", driver.findElement(By.id("escalation-decisions")));
        shot("40-case-summons");

        driver.get(url("/warnings/cases/" + named.id()));
        new Select(driver.findElement(By.id("esc-level"))).selectByValue("NOTICE");
        fill("esc-date", today.toString());
        driver.findElement(By.id("esc-reason")).sendKeys("未按期反馈整改方案");
        driver.findElement(By.id("esc-submit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "升级处置已调整"));
        assertThat(cases.find(named.id()).orElseThrow().escalation()).isEqualTo("NOTICE");

        driver.get(url("/warnings"));
        driver.findElement(By.id("notices-link")).click();
        WebElement period = driver.findElement(By.id("notice-period"));
        period.clear();
        period.sendKeys(Period.month(today.getYear(), today.getMonthValue()).code());
        period.submit();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("notice-pdf")));
        String unitName = driver.findElement(By.id("notice-units")).getText();
        assertThat(unitName).contains("未按期反馈整改方案");
        shot("41-notice");
        byte[] pdf = download(driver.findElement(By.id("notice-pdf")).getAttribute("href").replace(url(""), ""));
        String text = cn.sanbao.reports.PdfText.of(pdf).replaceAll("\\s+", "");
        assertThat(text).contains("通报", "未按期反馈整改方案");
        assertThat(download(driver.findElement(By.id("notice-docx")).getAttribute("href").replace(url(""), ""))).isNotEmpty();
    }
}
