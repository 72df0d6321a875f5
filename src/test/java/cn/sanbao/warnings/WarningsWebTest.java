package cn.sanbao.warnings;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.region.RegionTree;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.warnings.letter.LetterTemplate;

/** Pages and JSON API: unit scope on list, case and letter; the workflow by role; the letter files. */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class WarningsWebTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles("ANALYST");
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_LOCAL", () -> "SCOPE_640422");

    @Autowired MockMvc mvc;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired PublicationRepository publications;
    @Autowired PublicationService publishing;
    @Autowired CaseRepository cases;
    @Autowired RegionTree regions;
    @Autowired AuditLog audit;
    @Autowired cn.sanbao.warnings.letter.LetterService letters;

    @BeforeEach
    void published() {
        WarningsFixture.demoPublished(facts, scoring, results, publications, new WarningsDemo(publishing, publications, results, regions));
    }

    @org.junit.jupiter.api.AfterEach
    void signOut() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    Warning warningOf(String unit, String period) {
        return publications.warningsOfPublication(publications.latestPublication(period).orElseThrow().id()).stream()
                .filter(w -> w.unitCode().equals(unit)).findFirst().orElseThrow();
    }

    @Test
    void aCountySeesAndAnswersOnlyItsOwnCases() throws Exception {
        String body = mvc.perform(get("/api/warnings/cases").with(XIJI)).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].c.unitCode").value("640422")).andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("640424");
        long jingyuanCase = warningOf("640424", "2021-03").caseId();
        mvc.perform(get("/api/warnings/cases/" + jingyuanCase).with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(get("/warnings/cases/" + jingyuanCase).with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(get("/api/warnings/letters/" + warningOf("640424", "2021-03").id() + "/pdf").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(post("/api/warnings/cases/" + jingyuanCase + "/comments").with(csrf()).param("text", "越权").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(get("/api/warnings/messages").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(post("/api/warnings/publications").with(csrf()).param("period", "2021-05").with(XIJI)).andExpect(status().isForbidden());
        assertThat(audit.recent(50)).anyMatch(e -> e.action().equals("SCOPE_DENIED") && e.target().equals("640424"));

        long own = warningOf("640422", "2021-03").caseId();
        if (cases.find(own).orElseThrow().caseStatus() == CaseStatus.WARNED) {
            MockMultipartFile plan = new MockMultipartFile("file", "整改方案.pdf", "application/pdf", "%PDF-1.4 plan".getBytes());
            mvc.perform(multipart("/api/warnings/cases/" + own + "/attachments").with(csrf()).file(plan).with(XIJI)).andExpect(status().isCreated());
            MockMultipartFile exe = new MockMultipartFile("file", "a.exe", "application/x-msdownload", new byte[]{1});
            mvc.perform(multipart("/api/warnings/cases/" + own + "/attachments").with(csrf()).file(exe).with(XIJI)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("不允许上传")));
            mvc.perform(post("/api/warnings/cases/" + own + "/plan").with(csrf()).param("plan", "清偿拖欠工资，压减一般性支出").with(XIJI))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PLAN_SUBMITTED"));
            mvc.perform(post("/api/warnings/cases/" + own + "/accept").with(csrf()).with(XIJI)).andExpect(status().isForbidden());
            mvc.perform(post("/api/warnings/cases/" + own + "/accept").with(csrf()).with(ANALYST)).andExpect(jsonPath("$.status").value("RECTIFYING"));
            mvc.perform(post("/api/warnings/cases/" + own + "/close").with(csrf()).param("reason", "").with(ANALYST)).andExpect(status().isBadRequest());
        }
        mvc.perform(get("/api/warnings/cases/" + own).with(XIJI)).andExpect(status().isOk())
                .andExpect(jsonPath("$.attachments[0].fileName").value("整改方案.pdf"))
                .andExpect(jsonPath("$.messages").isEmpty());
    }

    @Test
    void analystPagesShowCasesLetterAndDeliveryLog() throws Exception {
        Warning w = warningOf("640424", "2021-04");
        String list = mvc.perform(get("/warnings").param("city", "640400").with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("泾源县", "问责", "发布记录");
        String page = mvc.perform(get("/warnings/cases/" + w.caseId()).with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("升级处置", "约谈", "通报", w.letterNo(), "发送记录", "1380000");
        String preview = mvc.perform(get("/warnings/letters/" + w.id()).with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(preview).contains(w.letterNo(), "泾源县财政局：", "宁夏回族自治区财政厅", "问责", "全区“三保”运行监测结果")
                .doesNotContain("县级“三保”");
        mvc.perform(get("/warnings/deliveries").with(ANALYST)).andExpect(status().isOk());
        mvc.perform(get("/warnings/deliveries").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(get("/warnings/letters/" + w.id() + ".pdf").with(ANALYST)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentType("application/pdf"));
        mvc.perform(get("/warnings/letters/" + w.id() + ".docx").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(post("/api/warnings/publications").with(csrf()).param("period", "2021-03").with(ANALYST)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("不能重复发布")));
    }

    @Test
    void pdfLetterCarriesTheChineseTextAndDocxOpensWithTheUnitAndFigures() throws Exception {
        Warning w = warningOf("640422", "2021-03");
        byte[] pdf = mvc.perform(get("/api/warnings/letters/" + w.id() + "/pdf").with(XIJI)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String text = pdfText(pdf).replaceAll("\\s+", "");
        assertThat(text).contains("西吉县财政局：", "关于西吉县“三保”运行风险的提示函", "宁夏回族自治区财政厅", w.letterNo(),
                "高度风险", "存在工资或基本民生拖欠");
        byte[] docx = mvc.perform(get("/api/warnings/letters/" + w.id() + "/docx").with(XIJI)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String all = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(all).contains("西吉县财政局：", w.letterNo(), w.total().toPlainString(), "宁夏回族自治区财政厅");
            assertThat(all).contains("定级依据：" + w.gradeCause());
            XWPFParagraph body = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("根据")).findFirst().orElseThrow();
            assertThat(body.getIndentationFirstLine()).isEqualTo(640);
        }
        assertThat(audit.recent(20)).anyMatch(e -> e.action().equals("WARNING_LETTER_DOWNLOAD") && e.actor().equals("xiji"));
    }

    @Test
    void settingsPageEditsTheTemplateWithoutChangingLettersAlreadySentAndStopsAContact() throws Exception {
        RequestPostProcessor leader = user("leader").roles("LEADER");
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        var flash = org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash();
        LetterTemplate before = letters.template();
        Warning sent = warningOf("640424", "2021-04");
        String page = mvc.perform(get("/warnings/settings").with(ANALYST)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("提示函模板", "预警联系人", "{单位}", "保存模板", before.office());
        assertThat(mvc.perform(get("/warnings/settings").with(leader)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).doesNotContain("保存模板", "添加联系人");
        mvc.perform(get("/warnings/settings").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(post("/warnings/settings/template").param("title", "x").with(leader).with(csrf)).andExpect(status().isForbidden());

        mvc.perform(post("/warnings/settings/template").param("title", "关于{单位名}的提示函").param("body", before.body())
                        .param("actions", before.actions()).param("office", before.office()).param("docPrefix", before.docPrefix())
                        .with(ANALYST).with(csrf))
                .andExpect(flash.attribute("error", org.hamcrest.Matchers.containsString("未知占位符 {单位名}")));
        assertThat(letters.template().title()).isEqualTo(before.title());
        try {
            mvc.perform(post("/warnings/settings/template").param("title", "关于{单位}“三保”运行情况的提示函").param("body", before.body())
                    .param("actions", before.actions()).param("office", before.office()).param("docPrefix", before.docPrefix())
                    .with(ANALYST).with(csrf)).andExpect(flash.attribute("message", org.hamcrest.Matchers.containsString("已保存")));
            assertThat(letters.template().title()).isEqualTo("关于{单位}“三保”运行情况的提示函");
            assertThat(letters.templateHistory(1).get(0)).satisfies(h -> {
                assertThat(h.title()).isEqualTo(before.title());
                assertThat(h.replacedBy()).isEqualTo("analyst");
            });
            String old = mvc.perform(get("/warnings/letters/" + sent.id()).with(ANALYST)).andReturn().getResponse().getContentAsString();
            assertThat(old).contains("关于泾源县“三保”运行风险的提示函").doesNotContain("运行情况的提示函");
        } finally {
            mvc.perform(post("/warnings/settings/template").param("title", before.title()).param("body", before.body())
                    .param("actions", before.actions()).param("office", before.office()).param("docPrefix", before.docPrefix())
                    .with(ANALYST).with(csrf));
        }

        mvc.perform(post("/warnings/settings/contacts").param("unitCode", "640522").param("role", "UNIT").param("name", "马会计")
                .param("phone", "abc").with(ANALYST).with(csrf)).andExpect(flash.attribute("error", org.hamcrest.Matchers.containsString("手机号 abc 格式不正确")));
        mvc.perform(post("/warnings/settings/contacts").param("unitCode", "640522").param("role", "UNIT").param("name", "马会计")
                .param("phone", "13900000001").with(ANALYST).with(csrf)).andExpect(status().is3xxRedirection());
        Contact added = publications.allContacts().stream().filter(c -> c.name().equals("马会计")).reduce((a, b) -> b).orElseThrow();
        assertThat(added.active()).isTrue();
        mvc.perform(post("/warnings/settings/contacts/" + added.id() + "/active").param("active", "false").with(leader).with(csrf))
                .andExpect(status().isForbidden());
        mvc.perform(post("/warnings/settings/contacts/" + added.id() + "/active").param("active", "false").with(ANALYST).with(csrf))
                .andExpect(status().is3xxRedirection());
        assertThat(publications.contacts("640522", Contact.UNIT)).noneMatch(c -> c.id() == added.id());
        assertThat(audit.recent(20)).anyMatch(e -> e.action().equals("WARNING_CONTACT_STOP") && e.target().equals(String.valueOf(added.id())));
    }

    @Test
    void letterTemplateRejectsUnknownPlaceholdersAndOnlyAnalystsMayEditIt() throws Exception {
        String json = "{\"title\":\"关于{单位名}的提示函\",\"body\":\"{问题清单}\",\"actions\":\"整改\",\"office\":\"某厅\",\"docPrefix\":\"宁财预\"}";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/warnings/letter-template").with(csrf())
                        .contentType("application/json").content(json).with(ANALYST))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("未知占位符 {单位名}")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/warnings/letter-template").with(csrf())
                .contentType("application/json").content(json).with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(get("/api/warnings/letter-template").with(ANALYST)).andExpect(jsonPath("$.template.title").value("关于{单位}“三保”运行风险的提示函"));
    }

    @Test
    void overlongContactFieldsAreRefusedWithAMessageNotAServerError() throws Exception {
        int before = publications.contacts("640423", Contact.UNIT).size();
        mvc.perform(post("/api/warnings/contacts").contentType("application/json").with(ANALYST).with(csrf())
                        .content("{\"unitCode\":\"640423\",\"role\":\"UNIT\",\"name\":\"" + "张".repeat(65)
                                + "\",\"title\":\"" + "长".repeat(101) + "\",\"phone\":\"13800009998\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("姓名不能超过 64 个字符（实际 65 个）"),
                        org.hamcrest.Matchers.containsString("职务不能超过 100 个字符"))));
        assertThat(publications.contacts("640423", Contact.UNIT)).hasSize(before);
    }

    @Test
    void contactsAreValidatedAndAFailedMessageIsRetriedByAnAnalystOnly() throws Exception {
        mvc.perform(post("/api/warnings/contacts").with(csrf()).contentType("application/json").with(ANALYST)
                        .content("{\"unitCode\":\"999999\",\"role\":\"UNIT\",\"name\":\"张三\",\"phone\":\"abc\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("单位代码 999999 不在区划树中"), org.hamcrest.Matchers.containsString("手机号 abc 格式不正确"))));
        mvc.perform(post("/api/warnings/contacts").with(csrf()).contentType("application/json").with(ANALYST)
                        .content("{\"unitCode\":\"640423\",\"role\":\"UNIT\",\"name\":\"隆德县测试联系人\",\"phone\":\"13800009999\",\"email\":\"t@example.org\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/warnings/contacts").param("unit", "640423").with(ANALYST))
                .andExpect(jsonPath("$[*].name").value(org.hamcrest.Matchers.hasItem("隆德县测试联系人")));

        Warning w = warningOf("640424", "2021-05");
        long id = jdbc.sql("select min(id) from warning_outbox where warning_id = ?").param(w.id()).query(Long.class).single();
        jdbc.sql("update warning_outbox set status = 'FAILED', last_error = '网关停机' where id = ?").param(id).update();
        mvc.perform(post("/api/warnings/messages/" + id + "/retry").with(csrf()).with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(post("/api/warnings/messages/" + id + "/retry").with(csrf()).with(ANALYST)).andExpect(status().isOk());
        assertThat(jdbc.sql("select status from warning_outbox where id = ?").param(id).query(String.class).single()).isEqualTo("PENDING");
        mvc.perform(post("/api/warnings/messages/" + id + "/retry").with(csrf()).with(ANALYST)).andExpect(status().isBadRequest());
        assertThat(audit.recent(20)).anyMatch(e -> e.action().equals("WARNING_MESSAGE_RETRY") && e.target().equals("message:" + id));
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void letterStatesTheGradesCauseFirstThenOnlyWorstBandIndicatorsAndDatesFollowThePublication() throws Exception {
        Warning w = warningOf("640422", "2021-03");
        assertThat(w.gradeName()).isEqualTo("高度风险");
        // the grade and its cause with the amount, not the score band the override overruled
        assertThat(w.gradeCause()).contains("一票否决定为高度风险", "万元").doesNotContain("中度风险", "≥ 60");
        // only indicators in their worst band, each with its value and the standard it missed
        assertThat(w.indicatorLines()).isNotEmpty().allMatch(l -> l.contains("处于最低档") && l.contains("标准为")
                && (l.contains("%") || l.contains("倍")));
        assertThat(w.indicatorLines().size()).isLessThan(12);
        WarningsFixture.analyst();
        cn.sanbao.warnings.letter.Letter letter = letters.letter(w.id());
        String body = String.join("\n", letter.paragraphs());
        assertThat(body).startsWith("根据2021年3月全区“三保”运行监测结果，你县监测等级为高度风险")
                .contains("定级依据：" + w.gradeCause() + "。").doesNotContain("（等级定为");
        assertThat(body.indexOf("定级依据")).isLessThan(body.indexOf("下列指标处于最低档"));
        assertThat(body.indexOf("下列指标处于最低档")).isLessThan(body.indexOf("请于"));
        // published in April 2021: 文号, 成文日期 and deadline are of 2021, never of the day the test runs
        assertThat(w.letterNo()).contains("〔2021〕");
        assertThat(letter.date()).startsWith("2021年4月");
        assertThat(body).contains("请于2021年").doesNotContain("2026");

        byte[] pdf = mvc.perform(get("/api/warnings/letters/" + w.id() + "/pdf").with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String text = pdfText(pdf);
        assertThat(text.replaceAll("\\s+", "")).contains(w.indicatorLines().get(0).replaceAll("\\s+", ""));
        for (String line : text.split("\n")) {
            String t = line.strip();
            assertThat(t.isEmpty() || "）)，,。.、；;：:！？”’》」』】%".indexOf(t.charAt(0)) < 0)
                    .as("PDF line starts with closing punctuation: %s", t).isTrue();
        }
        Files.write(Files.createDirectories(Path.of("target/screenshots")).resolve("letter.pdf"), pdf);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                mvc.perform(get("/api/warnings/letters/" + w.id() + "/docx").with(ANALYST)).andReturn().getResponse().getContentAsByteArray()))) {
            String all = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(all).contains("定级依据：" + w.gradeCause(), "下列指标处于最低档", w.indicatorLines().get(0), "请于2021年");
        }
    }

    @Test
    void letterAddressesTheUnitByItsOwnKind() {
        assertThat(cn.sanbao.warnings.letter.LetterService.kindWord(regions.unit("640422").orElseThrow())).isEqualTo("县");
        assertThat(cn.sanbao.warnings.letter.LetterService.kindWord(regions.unit("640104").orElseThrow())).isEqualTo("区");
        assertThat(cn.sanbao.warnings.letter.LetterService.kindWord(regions.all().stream()
                .filter(u -> u.kind() == cn.sanbao.region.UnitKind.CITY_LEVEL).findFirst().orElseThrow())).isEqualTo("市本级");
        Warning any = publications.warningsOfPublication(publications.latestPublication("2021-03").orElseThrow().id()).stream()
                .filter(x -> regions.unit(x.unitCode()).orElseThrow().kind() == cn.sanbao.region.UnitKind.CITY_LEVEL)
                .findFirst().orElse(null);
        if (any != null) {
            WarningsFixture.analyst();
            String body = String.join("\n", letters.letter(any.id()).paragraphs());
            assertThat(body).contains("你市本级").doesNotContain("县级");
            assertThat(letters.letter(any.id()).recipient()).doesNotContain("本级");
        }
    }

    static String pdfText(byte[] pdf) throws Exception {
        if (new File("/usr/bin/pdftotext").canExecute()) {
            Path in = Files.createTempFile("letter", ".pdf");
            Files.write(in, pdf);
            Process p = new ProcessBuilder("/usr/bin/pdftotext", "-enc", "UTF-8", in.toString(), "-").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            Files.delete(in);
            return out;
        }
        PdfReader reader = new PdfReader(pdf);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= reader.getNumberOfPages(); i++) sb.append(new PdfTextExtractor(reader).getTextFromPage(i));
        return sb.toString();
    }
}
