package cn.sanbao.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.BothDatabases;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Templates and file imports as users meet them, on both databases. Periods 2031+ are this class's own. */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class IntakeFileTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles(Roles.ANALYST);
    static final RequestPostProcessor LEADER = user("leader").roles(Roles.LEADER);
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_" + Roles.LOCAL, () -> Roles.SCOPE_PREFIX + "640422");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired MockMvc mvc;
    @Autowired FactRepository facts;
    @Autowired cn.sanbao.monitoring.ScoringRunService scoring;

    @Test
    void monthlyTemplateHasOneRowPerBudgetUnitHeadersWithCodesValidationAndInstructions() throws Exception {
        byte[] body = mvc.perform(get("/api/intake/templates/monthly").param("period", "2031-03").param("amountUnit", "万元").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet s = wb.getSheet("数据");
            assertThat(s.getRow(1).getCell(1).getStringCellValue()).isEqualTo("2031-03");
            assertThat(s.getRow(1).getCell(3).getStringCellValue()).isEqualTo("万元");
            List<String> headers = java.util.stream.StreamSupport.stream(s.getRow(2).spliterator(), false)
                    .map(c -> c.getStringCellValue()).toList();
            assertThat(headers).contains("国库库款余额（万元）\ncash_balance", "编外人员人数（人）\noffstaff_headcount")
                    .noneMatch(h -> h.endsWith("fiscal_capacity")); // annual items are not monthly
            assertThat(s.getLastRowNum() - 2).isEqualTo(28);
            assertThat(s.getRow(3).getCell(0).getStringCellValue()).matches("64\\w+");
            assertThat(s.getDataValidations()).isNotEmpty();
            assertThat(wb.getSheet("说明").getRow(0).getCell(0).getStringCellValue()).contains("填报说明");
        }
        byte[] weekly = mvc.perform(get("/api/intake/templates/weekly").param("period", "2031-W05").param("format", "csv").with(ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String csv = CsvGridReader.decode(weekly);
        assertThat(csv.lines().toList().get(2)).contains("cash_balance").doesNotContain("temp_payment_balance");
        mvc.perform(get("/api/intake/templates/monthly").param("period", "2031").with(ANALYST)).andExpect(status().isBadRequest());
    }

    @Test
    void countyUserGetsOnlyItsOwnRow() throws Exception {
        byte[] body = mvc.perform(get("/api/intake/templates/annual").param("period", "2031").param("format", "csv").with(XIJI))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> lines = CsvGridReader.decode(body).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).startsWith("640422,西吉县");
        assertThat(lines.get(2)).contains("可用财力（元） fiscal_capacity".replace("元", "万元"));
    }

    @Test
    void filledCsvTemplateIsStoredInYuanAsOneRevisionWithADiff() throws Exception {
        byte[] template = mvc.perform(get("/api/intake/templates/monthly").param("period", "2032-02").param("format", "csv").with(ANALYST))
                .andReturn().getResponse().getContentAsByteArray();
        String filled = CsvGridReader.decode(template).replace("640104,兴庆区,", "640104,兴庆区,1.5")
                .replace("640422,西吉县,", "640422,西吉县,0.000001"); // 0.01 元 = 0.000001 万元
        MvcResult r = upload(ANALYST, "月报.csv", filled.getBytes(StandardCharsets.UTF_8), "2032-02")
                .andExpect(status().isCreated()).andReturn();
        long rev = revisionOf(r);
        Map<String, BigDecimal> stored = facts.valuesOf(rev).stream()
                .collect(Collectors.toMap(v -> v.unitCode() + "|" + v.itemCode(), FactValue::amount));
        String first = firstItem(filled);
        assertThat(stored).containsEntry("640104|" + first, new BigDecimal("15000.00"))
                .containsEntry("640422|" + first, new BigDecimal("0.01")).hasSize(2);
        assertThat(facts.revision(rev).orElseThrow().label()).contains("月报.csv").contains("2032年2月");

        // a second file changes one value: the diff shows old, new and change
        String second = filled.replace("640104,兴庆区,1.5", "640104,兴庆区,2");
        long rev2 = revisionOf(upload(ANALYST, "月报2.csv", second.getBytes(StandardCharsets.UTF_8), "2032-02")
                .andExpect(jsonPath("$.diff.unchanged").value(1)).andReturn());
        mvc.perform(get("/api/intake/revisions/" + rev2 + "/diff").with(ANALYST)).andExpect(status().isOk())
                .andExpect(jsonPath("$.changes[0].unitCode").value("640104"))
                .andExpect(jsonPath("$.changes[0].oldValue").value(15000.00))
                .andExpect(jsonPath("$.changes[0].newValue").value(20000.00))
                .andExpect(jsonPath("$.changes[0].change").value(5000.00));
        // the readable revision page: a county sees its own rows only, and nothing of a revision without them
        String own = mvc.perform(get("/intake/revisions/" + rev).with(XIJI)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(own).contains("西吉县").doesNotContain("兴庆区");
        long others = revisionOf(upload(ANALYST, "月报3.csv", CsvGridReader.decode(template).replace("640104,兴庆区,", "640104,兴庆区,3")
                .getBytes(StandardCharsets.UTF_8), "2032-02").andExpect(status().isCreated()).andReturn());
        String refused = mvc.perform(get("/intake/revisions/" + others).with(XIJI)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).doesNotContain("月报3.csv");
        mvc.perform(get("/intake/revisions/" + others).with(ANALYST)).andExpect(status().isOk());
        // the earlier revision stays readable
        assertThat(facts.valuesOf(rev)).hasSize(2);

        // identical re-upload: recognised, nothing created
        int before = facts.revisions().size();
        upload(ANALYST, "again.csv", second.getBytes(StandardCharsets.UTF_8), "2032-02").andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicateOf").value(rev2)).andExpect(jsonPath("$.revisionId").doesNotExist());
        assertThat(facts.revisions()).hasSize(before);
    }

    @Test
    void toDateFigureBelowLastMonthIsRefused() throws Exception {
        byte[] jan = IntakeBadFiles.workbook(s -> { s.getRow(1).getCell(1).setCellValue("2033-01"); });
        upload(ANALYST, "一月.xlsx", jan, "2033-01").andExpect(status().isCreated());
        byte[] feb = IntakeBadFiles.workbook(s -> {
            s.getRow(1).getCell(1).setCellValue("2033-02");
            s.getRow(3).getCell(3).setCellValue(700); // paid_wage 800.25 → 700 万元
        });
        int before = facts.revisions().size();
        upload(ANALYST, "二月.xlsx", feb, "2033-02").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("D4"))
                .andExpect(jsonPath("$.problems[0].sheet").value("数据"))
                .andExpect(jsonPath("$.problems[0].reason", containsString("累计数不能小于上月")));
        assertThat(facts.revisions()).hasSize(before);
    }

    @Test
    void countyUserMayUploadOnlyItsOwnRows() throws Exception {
        byte[] both = IntakeBadFiles.workbook(s -> s.getRow(1).getCell(1).setCellValue("2004-01"));
        int before = facts.revisions().size();
        upload(XIJI, "两个单位.xlsx", both, "2004-01").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems.length()").value(1))
                .andExpect(jsonPath("$.problems[0].column").value("A5"))
                .andExpect(jsonPath("$.problems[0].reason", containsString("无权报送 兴庆区（640104）")));
        assertThat(facts.revisions()).hasSize(before);
        byte[] own = IntakeBadFiles.workbook(s -> {
            s.getRow(1).getCell(1).setCellValue("2004-01");
            s.removeRow(s.getRow(4));
        });
        long rev = revisionOf(upload(XIJI, "西吉.xlsx", own, "2004-01").andExpect(status().isCreated()).andReturn());
        assertThat(facts.valuesOf(rev)).extracting(FactValue::unitCode).containsOnly("640422");
        assertThat(facts.revision(rev).orElseThrow().createdBy()).isEqualTo("xiji");
        // a leader reads but does not upload
        upload(LEADER, "西吉.xlsx", own, "2004-01").andExpect(status().isForbidden());
    }

    @Test
    void rescoreOptionRunsScoringForThePeriod() throws Exception {
        byte[] file = IntakeBadFiles.workbook(s -> s.getRow(1).getCell(1).setCellValue("2035-01"));
        String body = mvc.perform(multipart("/api/intake/files").with(csrf()).file(new MockMultipartFile("file", "评分.xlsx", XLSX, file))
                        .param("period", "2035-01").param("rescore", "true").with(ANALYST))
                .andExpect(status().isCreated())
                // the run starts after the commit: the answer names no run that does not exist yet
                .andExpect(jsonPath("$.scoringRunId").doesNotExist())
                .andExpect(jsonPath("$.scoringNote", containsString("已提交重新评分")))
                .andReturn().getResponse().getContentAsString();
        long revision = Long.parseLong(body.replaceAll("(?s).*\"revisionId\"\\s*:\\s*(\\d+).*", "$1"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> scoring.runs("2035-01").size(), n -> n > 0);
        assertThat(scoring.runs("2035-01")).singleElement()
                .satisfies(r -> assertThat(r.note()).isEqualTo("数据修订 #" + revision + " 导入后重新评分"));
    }

    @Test
    void aCountyUploadIsStoredButDoesNotStartAProvinceWideRun() throws Exception {
        byte[] own = IntakeBadFiles.workbook(s -> {
            s.getRow(1).getCell(1).setCellValue("2007-01");
            s.removeRow(s.getRow(4));
        });
        mvc.perform(multipart("/api/intake/files").with(csrf()).file(new MockMultipartFile("file", "西吉.xlsx", XLSX, own))
                        .param("period", "2007-01").param("rescore", "true").with(XIJI))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.revisionId").isNumber())
                .andExpect(jsonPath("$.scoringRunId").doesNotExist())
                .andExpect(jsonPath("$.scoringNote", containsString("由自治区分析员发起")));
    }

    @Test
    void uploadPageShowsEveryErrorWithItsCell() throws Exception {
        byte[] bad = Files.readAllBytes(Path.of("src/test/resources/intake-bad/formula.xlsx"));
        mvc.perform(multipart("/intake").file(new MockMultipartFile("file", "formula.xlsx", XLSX, bad))
                        .param("period", IntakeBadFiles.PERIOD).with(ANALYST).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("整份文件未入库")))
                .andExpect(content().string(containsString("C4")))
                .andExpect(content().string(containsString("选择性粘贴为数值")));
        byte[] good = IntakeBadFiles.workbook(s -> s.getRow(1).getCell(1).setCellValue("2036-01"));
        mvc.perform(multipart("/intake").file(new MockMultipartFile("file", "ok.xlsx", XLSX, good))
                        .param("period", "2036-01").with(ANALYST).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已保存为数据修订")))
                .andExpect(content().string(containsString("兴庆区")));
    }

    /** Each corpus file: its specific reason, where it is, and nothing stored. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty.csv            | 文件为空                      |
            only-headers.csv     | 只有表头                      |
            non-number.csv       | 不是数字：“一千”               | 第4行 第3列
            date-in-csv.csv      | 不是数字：“2031-01-31”        | 第4行 第3列
            negative.csv         | 不能为负数                    | 第4行 第4列
            unknown-unit.csv     | 未知的单位代码“649999”         | 第4行 第1列
            duplicate-unit.csv   | 重复出现（首次出现在第4行 第1列）| 第6行 第1列
            consolidated-unit.csv| 是汇总单位                    | 第4行 第1列
            huge-number.csv      | 数值过大                      | 第4行 第3列
            wan-too-precise.csv  | 换算为元后超过两位小数          | 第4行 第3列
            person-fraction.csv  | 应为整数                      | 第4行 第5列
            unknown-item.csv     | 未知的数据项                   | 第3行 第3列
            unit-mixup.csv       | 与第 2 行声明的金额单位不符      | 第3行 第3列
            annual-item.csv      | 不属于月报模板                  | 第3行 第6列
            wrong-period.csv     | 与上传时选择的期间 2031-01      | 第2行 第2列
            formula.xlsx         | 单元格含公式（=1000+234.5）     | 工作表“数据” 第4行 C4
            merged.xlsx          | 合并单元格 C4:C5               | 工作表“数据” C4:C5
            date-as-number.xlsx  | 日期格式                      | 工作表“数据” 第4行 C4
            text-number.xlsx     | 数字以文本形式存储              | 工作表“数据” 第4行 C4
            wrong-type.xlsx      | 不是数字：“true”              | 工作表“数据” 第4行 D4
            huge-number.xlsx     | 数值过大                      | 工作表“数据” 第4行 C4
            empty.xlsx           | 文件为空                      |
            renamed.xlsx         | 内容不是 Excel 工作簿          |
            old-xls.xlsx         | Excel 97-2003                |
            zip-bomb.xlsx        | 压缩炸弹                      |
            xxe.xlsx             | 外部实体                      |
            """)
    void badFileIsRefusedWithItsReasonAndNothingIsStored(String file, String reason, String where) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/intake-bad", file));
        int before = facts.revisions().size();
        MvcResult r = upload(ANALYST, file, bytes, IntakeBadFiles.PERIOD).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details", hasItem(containsString(reason)))).andReturn();
        if (where != null) {
            assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(file + " " + where + "：");
        }
        assertThat(facts.revisions()).hasSize(before);
    }

    @Test
    void gb18030AndBomEncodedCsvAreAccepted() throws Exception {
        for (String file : List.of("ok-gb18030.csv", "ok-utf8-bom.csv")) {
            byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/intake-bad", file));
            long rev = revisionOf(upload(ANALYST, file, bytes, IntakeBadFiles.PERIOD).andReturn());
            assertThat(facts.valuesOf(rev)).extracting(FactValue::itemCode)
                    .containsExactlyInAnyOrder("cash_balance", "offstaff_headcount", "paid_wage");
        }
        List<ResolvedFact> now = facts.current(List.of(IntakeBadFiles.PERIOD), null);
        assertThat(now).filteredOn(f -> f.unitCode().equals("640422") && f.itemCode().equals("cash_balance"))
                .extracting(ResolvedFact::amount).containsExactly(new BigDecimal("12346000.00"));
    }

    org.springframework.test.web.servlet.ResultActions upload(RequestPostProcessor who, String name, byte[] bytes, String period) throws Exception {
        return mvc.perform(multipart("/api/intake/files").with(csrf()).file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                .param("period", period).with(who));
    }

    static long revisionOf(MvcResult r) throws Exception {
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"revisionId\":(\\d+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String firstItem(String csv) {
        String header = csv.lines().toList().get(2).split(",")[2];
        return header.substring(header.lastIndexOf(' ') + 1);
    }
}
