package cn.sanbao.intake;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static cn.sanbao.intake.HostileFiles.csv;
import static cn.sanbao.intake.HostileFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.BothDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The hostile template corpus: every file is generated here, uploaded as a user would, and must be refused
 * with a bounded Chinese message naming the file (and where it can, row and column) — or accepted with the
 * right values. Nothing is stored on refusal and each file finishes well within a loose time bound.
 * Periods 2031-01 (refusals), 2040–2041 (accepted files) and 2065–2066 (payment detail) belong to this class.
 */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class HostileFileTest {

    static final String P = IntakeBadFiles.PERIOD;
    static final RequestPostProcessor ANALYST = user("analyst").roles(Roles.ANALYST);
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_" + Roles.LOCAL, () -> Roles.SCOPE_PREFIX + "640422");
    // a safety net, not a benchmark: loose enough for a shared 2-core build machine under heavy load
    static final long BOUND_MS = 20_000;
    private static final String ROW = "640422,西吉县,";

    @Autowired MockMvc mvc;
    @Autowired FactRepository facts;

    static Stream<Arguments> refused() {
        return Stream.of(
                // size and shape
                c("huge-sheet.xlsx", () -> HostileFiles.xlsx(P, "xl/worksheets/sheet1.xml",
                        HostileFiles.beforeSheetDataEnd(HostileFiles.rows(10, 6_000, 3))), "模板最多 5000 行"),
                c("sheet-95mb.xlsx", () -> HostileFiles.xlsx(P, "xl/worksheets/sheet1.xml",
                        HostileFiles.beforeSheetDataEnd(HostileFiles.rows(10, 4_000, 600))), "解压后超过 64 MB"),
                c("wide-sheet.xlsx", () -> HostileFiles.xlsx(P, "xl/worksheets/sheet1.xml",
                        HostileFiles.beforeSheetDataEnd("<row r=\"9\"><c r=\"XFD9\" t=\"inlineStr\"><is><t>x</t></is></c></row>")), "模板最多 200 列"),
                c("row-number-overflow.xlsx", () -> HostileFiles.xlsx(P, "xl/worksheets/sheet1.xml",
                        HostileFiles.beforeSheetDataEnd("<row r=\"99999999999\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>")), "模板最多 5000 行"),
                c("many-sheets.xlsx", () -> HostileFiles.manySheets(P, 150), "超过 100 个"),
                c("huge-cell.xlsx", () -> HostileFiles.cell(P, 3, 1, cell -> cell.setCellValue("长".repeat(5_000))), "单元格内容超过 1000 个字符"),
                c("huge-shared-string.xlsx", () -> HostileFiles.xlsx(P, "xl/sharedStrings.xml",
                        s -> s.replaceFirst("<t>640422</t>", "<t>" + "6".repeat(3_000_000) + "</t>")), null),
                c("long-shared-string.xlsx", () -> HostileFiles.xlsx(P, "xl/sharedStrings.xml",
                        s -> s.replaceFirst("<t>640422</t>", "<t>" + HostileFiles.varied(5_000) + "</t>")), "单元格内容超过 1000 个字符"),
                c("formula-flood.xlsx", () -> HostileFiles.manyErrors(P), "…及另外更多处"),
                // entity declarations in every kind of part
                c("xxe-sheet.xlsx", () -> HostileFiles.xlsx(P, "xl/worksheets/sheet1.xml", HostileFiles.doctype("worksheet")), "外部实体"),
                c("xxe-shared-strings.xlsx", () -> HostileFiles.xlsx(P, "xl/sharedStrings.xml", HostileFiles.doctype("sst")), null),
                c("xxe-workbook.xlsx", () -> HostileFiles.xlsx(P, "xl/workbook.xml", HostileFiles.doctype("workbook")), null),
                c("xxe-content-types.xlsx", () -> HostileFiles.xlsx(P, "[Content_Types].xml", HostileFiles.doctype("Types")), null),
                c("xxe-styles.xlsx", () -> HostileFiles.xlsx(P, "xl/styles.xml", HostileFiles.doctype("styleSheet")), null),
                // wrong containers and encodings
                c("csv-named.xlsx", () -> utf8(csv(P, ROW + "1,2,3\n")), "内容不是 Excel 工作簿"),
                c("xlsx-named.csv", () -> HostileFiles.cell(P, 3, 2, cell -> cell.setCellValue(1)), "NUL 字节"),
                c("report.txt", () -> utf8(csv(P, ROW + "1,2,3\n")), "只接受 .xlsx 或 .csv"),
                c("truncated.xlsx", () -> java.util.Arrays.copyOf(HostileFiles.cell(P, 3, 2, cell -> cell.setCellValue(1)), 600), null),
                c("blank.csv", () -> utf8(" \r\n \n\t\n"), "文件为空"),
                c("nul-bytes.csv", () -> utf8(csv(P, ROW + "12\u000034,2,3\n")), "NUL 字节"),
                c("utf16-no-bom.csv", () -> csv(P, ROW + "1,2,3\n").getBytes(StandardCharsets.UTF_16LE), "NUL 字节"),
                // lines, cells and columns
                c("endless-line.csv", () -> utf8(csv(P, ROW + "7".repeat(3_000_000))), "单元格内容超过 1000 个字符"),
                c("million-columns.csv", () -> utf8(csv(P, ROW + ",".repeat(1_000_000) + "\n")), "模板最多 200 列"),
                c("unclosed-quote.csv", () -> utf8(csv(P, ROW + "\"1234.5,2,3\n640104,兴庆区,1,2,3\n")), "引号未闭合"),
                c("many-lines.csv", () -> utf8(csv(P, "\n".repeat(10_000))), "模板最多 5000 行"),
                c("duplicate-header.csv", () -> utf8(csv(P, "").replace("offstaff_headcount", "cash_balance") + ROW + "1,2,3\n"), "列重复出现"),
                c("missing-header.csv", () -> utf8("三保运行监测数据报送模板（月报）\n期间," + P + ",金额单位,万元\n" + ROW + "1,2,3\n"), "应为表头"),
                // numbers
                c("million-digits.csv", () -> utf8(csv(P, ROW + "1".repeat(999) + ",2,3\n")), "数字过长"),
                c("exponent-308.csv", () -> utf8(csv(P, ROW + "1e308,2,3\n")), "指数过大"),
                c("exponent-huge.csv", () -> utf8(csv(P, ROW + "1e999999999,2,3\n")), "指数过大"),
                c("nan.csv", () -> utf8(csv(P, ROW + "NaN,2,3\n")), "不是数字：“NaN”"),
                c("infinity.csv", () -> utf8(csv(P, ROW + "Infinity,2,3\n")), "不是数字：“Infinity”"),
                c("hex.csv", () -> utf8(csv(P, ROW + "0x1F,2,3\n")), "不是数字：“0x1F”"),
                c("arabic-digits.csv", () -> utf8(csv(P, ROW + "١٢٣,2,3\n")), "不是数字"),
                c("space-in-number.csv", () -> utf8(csv(P, ROW + "1 234,2,3\n")), "不是数字"),
                c("xlsx-1e308.xlsx", () -> HostileFiles.cell(P, 3, 2, cell -> cell.setCellValue(1e308)), "数值过大"),
                c("xlsx-long-digits.xlsx", () -> HostileFiles.xlsx(P, "xl/worksheets/sheet1.xml",
                        s -> s.replaceFirst("<v>1234.5</v>", "<v>" + "9".repeat(900) + "</v>")), "数字过长"),
                c("xlsx-nan.xlsx", () -> HostileFiles.xlsx(P, "xl/worksheets/sheet1.xml", s -> s.replaceFirst("<v>1234.5</v>", "<v>NaN</v>")), "不是数字"),
                // texts
                c("formula-injection.csv", () -> utf8(csv(P, "=cmd|' /C calc'!A0,西吉县,1,2,3\n")), "未知的单位代码“=cmd|' /C calc'!A0”"),
                c("formula-in-number.csv", () -> utf8(csv(P, ROW + "=1+2,2,3\n")), "不是数字：“=1+2”"),
                c("sql-text.csv", () -> utf8(csv(P, "640422'; drop table fact_value; --,西吉县,1,2,3\n")), "未知的单位代码"),
                c("control-chars.csv", () -> utf8(csv(P, "6404\u0007\u001b22,西吉县,1,2,3\n")), "未知的单位代码"),
                c("long-unit-code.csv", () -> utf8(csv(P, "6".repeat(900) + ",西吉县,1,2,3\n")), "未知的单位代码"));
    }

    private static Arguments c(String name, Supplier<byte[]> bytes, String reason) {
        return Arguments.of(name, bytes, reason);
    }

    /** reason null: any Chinese refusal will do (POI words such a failure differently by part). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void hostileTemplateIsRefusedQuicklyInChineseAndNothingIsStored(String name, Supplier<byte[]> bytes, String reason) throws Exception {
        byte[] file = bytes.get();
        int before = facts.revisions().size();
        long start = System.currentTimeMillis();
        MvcResult r = upload(ANALYST, name, file, P).andReturn();
        long took = System.currentTimeMillis() - start;
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(400);
        assertThat(body).contains(name);
        if (reason != null) assertThat(body).contains(reason);
        assertChinese(body);
        assertThat(facts.revisions()).hasSize(before);
        assertThat(body.length()).as("bounded answer").isLessThan(200_000);
        assertThat(took).as("time for " + name).isLessThan(BOUND_MS);
    }

    static void assertChinese(String body) {
        assertThat(body).containsPattern("\\p{IsHan}");
        for (String english : List.of("Zip bomb", "Exception", "EOF", "encapsulated", "DOCTYPE is", "must not", "Invalid"))
            assertThat(body).as("no library wording").doesNotContain(english);
    }

    @Test
    void moreThan200ProblemsAreCutWithACount() throws Exception {
        String rows = "649999,x,1,2,3\n".repeat(450);
        MvcResult r = upload(ANALYST, "many-units.csv", utf8(csv(P, rows)), P).andReturn();
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("共 450 处错误").contains("…及另外 250 处");
        List<String> details = com.jayway.jsonpath.JsonPath.read(body, "$.details");
        assertThat(details).hasSize(201);
        assertThat(details.get(200)).startsWith("many-units.csv").endsWith("：…及另外 250 处");
    }

    /** Encodings and number forms a real user produces are read correctly, not refused. */
    @Test
    void bomsGbkFullWidthDigitsSeparatorsAndNegativeZeroAreAccepted() throws Exception {
        record Ok(String name, String period, Supplier<byte[]> bytes, String expectedYuan) {
        }
        List<Ok> cases = List.of(
                new Ok("utf16le.csv", "2040-01", () -> HostileFiles.utf16le(csv("2040-01", ROW + "1234.5,2,3\n")), "12345000.00"),
                new Ok("utf16be.csv", "2040-02", () -> HostileFiles.utf16be(csv("2040-02", ROW + "1234.5,2,3\n")), "12345000.00"),
                new Ok("gbk.csv", "2040-03", () -> csv("2040-03", ROW + "1234.5,2,3\n").getBytes(Charset.forName("GBK")), "12345000.00"),
                new Ok("negative-zero.csv", "2040-04", () -> utf8(csv("2040-04", ROW + "-0,2,3\n")), "0.00"),
                new Ok("full-width.csv", "2040-05", () -> utf8(csv("2040-05", ROW + "１２３４．５,2,3\n")), "12345000.00"),
                new Ok("separators.csv", "2040-06", () -> utf8(csv("2040-06", ROW + "\"1,234.5\",2,3\n")), "12345000.00"),
                new Ok("exponent.csv", "2040-07", () -> utf8(csv("2040-07", ROW + "1.2345E3,2,3\n")), "12345000.00"),
                new Ok("utf8-bom.csv", "2040-08", () -> HostileFiles.withBom(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        csv("2040-08", ROW + "1234.5,2,3\n"), StandardCharsets.UTF_8), "12345000.00"));
        for (Ok c : cases) {
            MvcResult r = upload(ANALYST, c.name(), c.bytes().get(), c.period()).andReturn();
            assertThat(r.getResponse().getStatus()).as(c.name() + r.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
            assertThat(facts.current(List.of(c.period()), null)).as(c.name())
                    .filteredOn(f -> f.unitCode().equals("640422") && f.itemCode().equals("cash_balance"))
                    .extracting(ResolvedFact::amount).containsExactly(new BigDecimal(c.expectedYuan()));
        }
    }

    @Test
    void aLargeButLegitimateSharedStringTableIsRead() throws Exception {
        byte[] file = HostileFiles.xlsx("2041-03", "xl/sharedStrings.xml",
                s -> s.replace("</sst>", HostileFiles.manyStrings(300_000) + "</sst>"));
        long start = System.currentTimeMillis();
        MvcResult r = upload(ANALYST, "many-shared-strings.xlsx", file, "2041-03").andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        assertThat(System.currentTimeMillis() - start).isLessThan(BOUND_MS);
    }

    @Test
    void aCountyMayNotReportAPeriodThatHasNotBegun() throws Exception {
        int before = facts.revisions().size();
        String body = upload(XIJI, "future.csv", utf8(csv("2041-01", ROW + "1,2,3\n")), "2041-01").andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("future.csv").contains("尚未开始，不能报送未来期间的数据");
        String push = mvc.perform(post("/api/intake/push").header("Idempotency-Key", "hostile-" + System.nanoTime()).with(XIJI).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"period\":\"2041-02\",\"units\":[{\"unitCode\":\"640422\",\"values\":{\"cash_balance\":1}}]}"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(push).contains("尚未开始");
        assertThat(facts.revisions()).hasSize(before);
    }

    @Test
    void hostilePushNumbersAreRefusedQuickly() throws Exception {
        for (String value : List.of("1e999999999", "\"" + "9".repeat(5_000) + "\"", "\"NaN\"", "\"0x10\"", "1" + "0".repeat(900))) {
            long start = System.currentTimeMillis();
            String body = mvc.perform(post("/api/intake/push").header("Idempotency-Key", "hostile-" + System.nanoTime()).with(ANALYST).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"period\":\"" + P + "\",\"units\":[{\"unitCode\":\"640422\",\"values\":{\"cash_balance\":" + value + "}}]}"))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).as(value.substring(0, Math.min(20, value.length()))).containsAnyOf("数字过长", "指数过大", "数值过大", "不是数字");
            assertThat(body.length()).isLessThan(2_000);
            assertThat(System.currentTimeMillis() - start).isLessThan(BOUND_MS);
        }
    }

    static Stream<Arguments> payments() {
        String h = PaymentTest.HEADER + "\n";
        String ok = "640422,2065-01-05,1000.00,2010101,30101,P-1,县财政局\n";
        return Stream.of(
                c("pay-unclosed-quote.csv", () -> utf8(h + ok + "640422,2065-01-06,\"1000.00,2010101,30101,P-1,县财政局\n"), "第3行：引号使用不正确"),
                c("pay-endless-line.csv", () -> utf8("9".repeat(3_000_000)), "第1行：此行超过 10000 个字符"),
                c("pay-many-columns.csv", () -> utf8(h + ",".repeat(5_000) + "\n"), "第2行：此行有 5001 列"),
                c("pay-nul.csv", () -> utf8(h + ok.replace("P-1", "P\u00001")), "NUL 字节"),
                c("pay-long-amount.csv", () -> utf8(h + ok.replace("1000.00", "1".repeat(500))), "金额数字过长"),
                c("pay-exponent.csv", () -> utf8(h + ok.replace("1000.00", "1e999999999")), "金额数值超出允许范围"),
                c("pay-nan.csv", () -> utf8(h + ok.replace("1000.00", "NaN")), "金额不是数字：“NaN”"),
                c("pay-zip-bomb.xlsx", () -> {
                    try {
                        return IntakeBadFiles.rewrite(IntakeBadFiles.payments(x -> { }), "xl/worksheets/sheet1.xml",
                                xml -> xml.replace("</worksheet>", " ".repeat(40 * 1024 * 1024) + "</worksheet>"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, "压缩炸弹"),
                c("pay-wide.xlsx", () -> {
                    try {
                        return IntakeBadFiles.payments(x -> x.getRow(1).createCell(300).setCellValue("x"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, "支付明细最多 100 列"),
                c("pay-csv-named.xlsx", () -> utf8(h + ok), "内容不是 Excel 工作簿"));
    }

    @Autowired PaymentImportService paymentImports;
    @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("payments")
    void hostilePaymentFileIsRefusedInChineseAndNothingIsStored(String name, Supplier<byte[]> bytes, String reason) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve(name), bytes.get());
        int before = facts.revisions().size();
        long start = System.currentTimeMillis();
        IntakeRejectedException e = org.assertj.core.api.Assertions.catchThrowableOfType(IntakeRejectedException.class,
                () -> paymentImports.importFile(file, name, cn.sanbao.kernel.Period.parse("2065-01"), "analyst", u -> true, (p, n) -> { }));
        assertThat(e).as(name).isNotNull();
        String text = String.join("\n", e.findings().stream().map(Finding::text).toList());
        assertThat(text).contains(name).contains(reason);
        assertChinese(text);
        assertThat(facts.revisions()).hasSize(before);
        assertThat(System.currentTimeMillis() - start).as("time for " + name).isLessThan(BOUND_MS);
    }

    @Test
    void aUtf16PaymentFileWithItsBomIsReadCorrectly() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("utf16.csv"), HostileFiles.utf16le(PaymentTest.HEADER
                + "\r\n640422,2066-01-05,1000.00,2010101,30101,P-1,县财政局\r\n"));
        PaymentResult r = paymentImports.importFile(file, "utf16.csv", cn.sanbao.kernel.Period.parse("2066-01"), "analyst", u -> true, (p, n) -> { });
        assertThat(r.rows()).isEqualTo(1);
        assertThat(facts.valuesOf(r.revisionId())).filteredOn(v -> v.itemCode().equals("paid_wage"))
                .extracting(v -> v.amount()).containsExactly(new BigDecimal("1000.00"));
    }

    org.springframework.test.web.servlet.ResultActions upload(RequestPostProcessor who, String name, byte[] bytes, String period) throws Exception {
        return mvc.perform(multipart("/api/intake/files").file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                .param("period", period).with(who).with(csrf()));
    }
}
