package cn.sanbao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.projects.library.Project;
import cn.sanbao.projects.library.ProjectRepository;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.projects.list.GuaranteeListRepository;

/**
 * The analyst edits a project and a guarantee-list item on screen: the forms open filled in with Chinese
 * labels, a wrong entry is kept with its problem beside the field, and a correct one is stored as a new
 * version whose change (old → new) is in the audit trail.
 */
class EditingBrowserTest extends BrowserTestBase {

    @Autowired ProjectRepository projects;
    @Autowired GuaranteeListRepository lists;
    @Autowired AuditLog audit;

    WebElement field(String name) {
        return driver.findElement(By.cssSelector("[name='" + name + "']"));
    }

    void type(String name, String text) {
        WebElement f = field(name);
        f.clear();
        f.sendKeys(text);
    }

    @Test
    void analystEditsAProject() throws IOException {
        Project before = projects.ofUnit("640422", 2021).get(0);
        signIn("analyst");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        driver.get(url("/projects/library?year=2021&unit=640422"));
        driver.findElement(By.linkText(before.code())).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("project-form")));
        assertThat(field("项目名称").getAttribute("value")).isEqualTo(before.name());
        assertThat(field("金额（元）").getAttribute("value")).isEqualTo(before.amount().toPlainString());
        assertThat(driver.findElement(By.id("project-form")).getText()).contains("项目名称", "三保标识", "功能分类");

        // a wrong amount and an empty name: nothing saved, what was typed stays, each problem beside its field
        type("项目名称", "");
        type("金额（元）", "12万");
        driver.findElement(By.cssSelector("#project-form button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#project-form .field-error")));
        assertThat(field("金额（元）").getAttribute("value")).isEqualTo("12万");
        assertThat(driver.findElements(By.cssSelector("#project-form label.has-error .field-error")))
                .extracting(WebElement::getText).anyMatch(t -> t.contains("金额不是数字")).anyMatch(t -> t.contains("项目名称不能为空"));
        assertThat(projects.get(before.id()).name()).isEqualTo(before.name());
        shot("10-project-edit-error");

        type("项目名称", before.name() + "（调整）");
        type("金额（元）", "1234567.80");
        driver.findElement(By.cssSelector("#project-form button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pj-message"), "项目已保存"));
        Project after = projects.get(before.id());
        assertThat(after.name()).isEqualTo(before.name() + "（调整）");
        assertThat(after.amount()).isEqualByComparingTo(new BigDecimal("1234567.80"));
        assertThat(projects.changes(before.id())).last().satisfies(c -> {
            assertThat(c.version()).isEqualTo(2);
            assertThat(c.change()).contains("金额（元）：" + before.amount().toPlainString() + " → 1234567.80");
        });
        assertThat(audit.recent(20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("PROJECT_UPDATE");
            assertThat(e.actor()).isEqualTo("analyst");
            assertThat(e.detail()).contains("项目名称：" + before.name() + " → " + before.name() + "（调整）");
        });
        assertThat(driver.findElement(By.id("changes")).getText()).contains("1234567.80");
        js("arguments[0].scrollIntoView()", driver.findElement(By.id("project-form")));
        shot("11-project-edited");
    }

    @Test
    void analystEditsAGuaranteeListItem() throws IOException {
        long versionBefore = lists.current().orElseThrow().id();
        GuaranteeItem item = lists.current().orElseThrow().items().get(0);
        signIn("analyst");
        waiting().until(ExpectedConditions.urlContains("/dashboard"));
        driver.get(url("/projects/list"));
        driver.findElements(By.cssSelector("#list-items tbody tr")).get(0).findElement(By.linkText("修改")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("item-form"), item.code()));
        assertThat(field("name").getAttribute("value")).isEqualTo(item.name());
        assertThat(field("standard").getAttribute("value")).isEqualTo(item.standard().toPlainString());
        String form = driver.findElement(By.id("list-item-form")).getText();
        assertThat(form).contains("县级分担比例", "地区标准（元）", "生效年度").doesNotContain("share_county", "national_standard");

        // below the national minimum: refused, the typed value stays, the reason is beside 地区标准
        String tooLow = item.nationalStandard().subtract(BigDecimal.ONE).toPlainString();
        type("standard", tooLow);
        driver.findElement(By.cssSelector("#list-item-form button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#list-item-form .field-error")));
        assertThat(field("standard").getAttribute("value")).isEqualTo(tooLow);
        assertThat(driver.findElement(By.cssSelector("#list-item-form label.has-error")).getText()).contains("地区标准", "低于国家最低标准");
        assertThat(lists.current().orElseThrow().id()).isEqualTo(versionBefore);
        js("arguments[0].scrollIntoView()", driver.findElement(By.id("item-form")));
        shot("12-list-item-error");

        String raised = item.standard().add(new BigDecimal("100")).toPlainString();
        type("standard", raised);
        driver.findElement(By.cssSelector("#list-item-form button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pj-message"), "已保存为清单版本"));
        var current = lists.current().orElseThrow();
        assertThat(current.id()).isGreaterThan(versionBefore);
        assertThat(current.items()).filteredOn(i -> i.code().equals(item.code()) && i.effectiveYear() == item.effectiveYear())
                .singleElement().satisfies(i -> assertThat(i.standard()).isEqualByComparingTo(raised));
        assertThat(lists.version(versionBefore).items()).filteredOn(i -> i.code().equals(item.code()) && i.effectiveYear() == item.effectiveYear())
                .singleElement().satisfies(i -> assertThat(i.standard()).isEqualByComparingTo(item.standard()));
        assertThat(audit.recent(20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("GUARANTEE_LIST_VERSION");
            assertThat(e.detail()).contains("地区标准（元）：" + item.standard().toPlainString() + " → " + raised);
        });
        shot("13-list-item-saved");
    }
}
