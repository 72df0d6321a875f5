package cn.sanbao.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.testsupport.BothDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** Payment detail imports on both databases. Years 2051–2060 belong to this class. */
@SpringBootTest
@BothDatabases
class PaymentTest {

    static final String HEADER = "单位代码 unit_code,支付日期 pay_date,金额（元） amount,支出功能分类 function_code,经济分类 economic_code,项目代码 project_code,预算单位 agency";
    static final PaymentImportService.Progress QUIET = (phase, rows) -> { };

    @Autowired org.springframework.beans.factory.ObjectProvider<cn.sanbao.projects.trace.PaymentSource> paymentSource;
    @Autowired PaymentImportService imports;
    @Autowired PaymentRepository queries;
    @Autowired PillarMappingService mappings;
    @Autowired FactRepository facts;
    @Autowired JdbcClient jdbc;
    @Autowired AuditLog audit;
    @TempDir Path dir;

    Path file(String name, String... rows) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    PaymentResult run(Path file, String period) {
        return imports.importFile(file, file.getFileName().toString(), Period.parse(period), "analyst", u -> true, QUIET);
    }

    Map<String, BigDecimal> facts(long revision) {
        return facts.valuesOf(revision).stream().collect(Collectors.toMap(v -> v.unitCode() + "|" + v.itemCode(), FactValue::amount));
    }

    long details() { return jdbc.sql("select count(*) from payment_detail").query(Long.class).single(); }

    @Test
    void everyPaymentIsClassifiedSummedToDateAndKeptForDrillDown() throws IOException {
        PaymentResult jan = run(file("jan.csv",
                "640422,2051-01-05,100000.00,2010101,30101,P-01,县财政局",   // wage by economic code
                "640422,2051-01-06,2000.50,2010101,30201,P-02,县财政局",     // operation
                "640422,2051-01-07,3000.00,2050202,30201,P-03,第一小学",     // livelihood: function rule has higher priority
                "640422,2051-01-08,500.00,2010101,30217,P-02,县财政局",      // 公务接待: explicitly 非三保
                "640422,2051-01-09,700.00,2130101,30399,P-04,农业农村局",    // no rule → unclassified
                "640422,2051-01-10,800.00,2130101,30399,P-04,农业农村局",
                "640104,2051-01-31,50.00,2320301,307,,区财政局"), "2051-01");  // debt interest → other rigid
        Map<String, BigDecimal> f = facts(jan.revisionId());
        assertThat(f).containsEntry("640422|paid_wage", new BigDecimal("100000.00"))
                .containsEntry("640422|paid_operation", new BigDecimal("2000.50"))
                .containsEntry("640422|paid_livelihood", new BigDecimal("3000.00"))
                .containsEntry("640422|paid_other_rigid", new BigDecimal("0.00"))
                .containsEntry("640104|paid_other_rigid", new BigDecimal("50.00"))
                // the items made from the same detail: 非三保 (公务接待), debt service (232 付息), 直达资金 (none here)
                .containsEntry("640422|paid_non_priority", new BigDecimal("500.00"))
                .containsEntry("640104|paid_debt_service", new BigDecimal("50.00"))
                .containsEntry("640422|direct_paid", new BigDecimal("0.00")).hasSize(14);
        assertThat(jan.unclassified()).containsExactly(new PaymentResult.Unclassified("2130101", "30399", 2, new BigDecimal("1500.00")));
        assertThat(queries.unclassified(jan.revisionId())).isEqualTo(jan.unclassified());
        assertThat(queries.count(jan.revisionId())).isEqualTo(7);
        List<PaymentRepository.Payment> livelihood = queries.drill(jan.revisionId(), "640422", PaymentClass.LIVELIHOOD, 100, 0);
        assertThat(livelihood).singleElement().satisfies(p -> {
            assertThat(p.agency()).isEqualTo("第一小学");
            assertThat(p.lineNo()).isEqualTo(4);
        });
        assertThat(queries.drill(jan.revisionId(), "640422", PaymentClass.UNCLASSIFIED, 100, 0)).hasSize(2);

        // February: previous to-date + this month
        PaymentResult feb = run(file("feb.csv", "640422,2051-02-05,100000.00,2010101,30101,P-01,县财政局"), "2051-02");
        assertThat(facts(feb.revisionId())).containsEntry("640422|paid_wage", new BigDecimal("200000.00"))
                .containsEntry("640422|paid_operation", new BigDecimal("2000.50"))
                .containsEntry("640422|paid_non_priority", new BigDecimal("500.00")).hasSize(7);
        assertThat(queries.paidByProject("640422", 2051, LocalDate.of(2051, 2, 28)))
                .containsEntry("P-01", new BigDecimal("200000.00")).containsEntry("P-04", new BigDecimal("1500.00"));
        assertThat(queries.paidByProject("640422", 2051, LocalDate.of(2051, 1, 31))).containsEntry("P-01", new BigDecimal("100000.00"));
        assertThat(queries.payments("640422", "P-01", 2051)).extracting(PaymentRepository.Payment::payDate)
                .containsExactly(LocalDate.of(2051, 1, 5), LocalDate.of(2051, 2, 5));

        // the project library's traceability reads the same payments
        cn.sanbao.projects.trace.PaymentSource source = paymentSource.getIfUnique();
        assertThat(source).isNotNull();
        assertThat(source.connected()).isTrue();
        assertThat(source.paidByProject("640422", 2051, LocalDate.of(2051, 2, 28))).containsEntry("P-01", new BigDecimal("200000.00"));
        assertThat(source.payments("640422", "P-01", 2051)).extracting(cn.sanbao.projects.trace.ProjectPayment::paidOn)
                .containsExactly(LocalDate.of(2051, 1, 5), LocalDate.of(2051, 2, 5));
        // the trace pages them in SQL: count of all, then one row per page in date order
        assertThat(source.paymentCount("640422", "P-01", 2051)).isEqualTo(2);
        assertThat(source.payments("640422", "P-01", 2051, 1, 1)).extracting(cn.sanbao.projects.trace.ProjectPayment::paidOn)
                .containsExactly(LocalDate.of(2051, 2, 5));
        assertThat(source.payments("640422", "P-01", 2051, 2, 1)).isEmpty();

        // identical file again: recognised, nothing stored
        int before = facts.revisions().size();
        assertThat(run(dir.resolve("feb.csv"), "2051-02").duplicateOf()).isEqualTo(feb.revisionId());
        assertThat(facts.revisions()).hasSize(before);
    }

    @Test
    void badRowsAreAllListedWithLineAndColumnAndNothingIsStored() throws IOException {
        int revisions = facts.revisions().size();
        long rows = details();
        Path bad = file("bad.csv",
                "640422,2053-01-05,100.00,2010101,30101,P,局",
                "640422,2053-02-01,100.00,2010101,30101,P,局",
                "649999,2053-01-05,100.00,2010101,30101,P,局",
                "640400,2053-01-05,100.00,2010101,30101,P,局",
                "640422,2053-01-05,1.005,2010101,30101,P,局",
                "640422,2053-01-05,100.00,,30101,P,局",
                "640422,2053-01-05,100.00,2010101,3010X,P,局");
        assertThatThrownBy(() -> run(bad, "2053-01")).isInstanceOfSatisfying(IntakeRejectedException.class, e ->
                assertThat(e.findings()).extracting(Finding::text).containsExactly(
                        "bad.csv 第3行 第2列：支付日期 2053-02-01 不在所选期间 2053年1月 内",
                        "bad.csv 第4行 第1列：未知的单位代码“649999”",
                        "bad.csv 第5行 第1列：固原市（640400）是汇总单位，支付明细应按所属预算单位填列",
                        "bad.csv 第6行 第3列：金额超过两位小数（以元为单位，精确到分）：1.005",
                        "bad.csv 第7行 第4列：支出功能分类代码不能为空",
                        "bad.csv 第8行 第5列：经济分类代码应为数字：“3010X”"));
        Files.writeString(dir.resolve("nocol.csv"), "单位代码,支付日期,金额\n640422,2053-01-05,1\n");
        assertThatThrownBy(() -> run(dir.resolve("nocol.csv"), "2053-01")).hasMessageContaining("缺少必需的列“支出功能分类 function_code”");
        assertThatThrownBy(() -> imports.importFile(file("scope.csv", "640104,2053-01-05,1.00,2010101,30101,P,局"), "scope.csv",
                Period.parse("2053-01"), "xiji", "640422"::equals, QUIET)).hasMessageContaining("无权导入 兴庆区（640104）");
        // March without February's to-date: refused rather than guessed
        assertThatThrownBy(() -> run(file("mar.csv", "640422,2053-03-05,1.00,2010101,30101,P,局"), "2053-03"))
                .hasMessageContaining("上月（2053年2月）尚无保工资累计支出");
        assertThat(facts.revisions()).hasSize(revisions);
        assertThat(details()).isEqualTo(rows);
    }

    @Test
    void anImportInterruptedHalfwayLeavesNoRevisionAndNoDetailRows() throws IOException {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 3 * PaymentDetailRepository.BATCH; i++) {
            rows.add("640422,2054-01-" + String.format("%02d", 1 + i % 28) + "," + (i + 1) + ".00,2010101,30101,P-" + (i % 7) + ",局");
        }
        Path big = file("big.csv", rows.toArray(String[]::new));
        int revisions = facts.revisions().size();
        long details = details();
        PaymentImportService.Progress failing = (phase, n) -> {
            if (phase.equals("写入明细") && n >= PaymentDetailRepository.BATCH) throw new IllegalStateException("模拟中断：数据库连接断开");
        };
        assertThatThrownBy(() -> imports.importFile(big, "big.csv", Period.parse("2054-01"), "analyst", u -> true, failing))
                .hasMessageContaining("模拟中断");
        assertThat(facts.revisions()).hasSize(revisions);
        assertThat(details()).isEqualTo(details);
        assertThat(facts.current(List.of("2054-01"), null)).isEmpty();
        // the same file then imports completely
        PaymentResult ok = run(big, "2054-01");
        assertThat(queries.count(ok.revisionId())).isEqualTo(rows.size());
    }

    @Test
    void twoConcurrentImportsOfTheSamePeriodEndAsTwoCleanRevisionsInOrder() throws Exception {
        List<String> a = new ArrayList<>(), b = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            a.add("640422,2055-01-15,1.00,2010101,30101,P-A,局");
            b.add("640422,2055-01-16,2.00,2010101,30101,P-B,局");
        }
        Path fa = file("a.csv", a.toArray(String[]::new)), fb = file("b.csv", b.toArray(String[]::new));
        CompletableFuture<PaymentResult> ra = CompletableFuture.supplyAsync(() -> run(fa, "2055-01"));
        CompletableFuture<PaymentResult> rb = CompletableFuture.supplyAsync(() -> run(fb, "2055-01"));
        PaymentResult x = ra.get(), y = rb.get();
        assertThat(x.revisionId()).isNotEqualTo(y.revisionId());
        PaymentResult first = x.revisionId() < y.revisionId() ? x : y, second = first == x ? y : x;
        assertThat(queries.count(first.revisionId())).isEqualTo(6000);
        assertThat(queries.count(second.revisionId())).isEqualTo(6000);
        BigDecimal expected = second == y ? new BigDecimal("12000.00") : new BigDecimal("6000.00");
        assertThat(facts.current(List.of("2055-01"), null)).filteredOn(f -> f.itemCode().equals("paid_wage"))
                .singleElement().satisfies(f -> {
                    assertThat(f.revisionId()).isEqualTo(second.revisionId());
                    assertThat(f.amount()).isEqualByComparingTo(expected);
                });
        assertThat(queries.paidByProject("640422", 2055, LocalDate.of(2055, 1, 31))).hasSize(1); // only the newer file counts
    }

    @Test
    void editingTheMappingCreatesAnAuditedVersionUsedByTheNextImport() throws IOException {
        PillarMappingService.Version before = mappings.current();
        String original = mappings.csv(before.id());
        PillarMappingService.Version edited = mappings.saveCsv(original + "ECONOMIC,30399,LIVELIHOOD,20,其他对个人和家庭的补助\n",
                "30399 归入保基本民生", "analyst");
        try {
            assertThat(edited.version()).isEqualTo(before.version() + 1);
            assertThat(audit.recent(5)).anySatisfy(e -> assertThat(e.detail()).contains("30399 归入保基本民生"));
            PaymentResult r = run(file("m.csv", "640422,2056-01-05,700.00,2130101,30399,P,局"), "2056-01");
            assertThat(r.unclassified()).isEmpty();
            assertThat(r.mappingVersion()).isEqualTo(edited.version());
            assertThat(facts(r.revisionId())).containsEntry("640422|paid_livelihood", new BigDecimal("700.00"));
            assertThatThrownBy(() -> mappings.saveCsv("code_kind,prefix,pillar,priority,name\nECONOMIC,30A,WAGE,x,\n", null, "analyst"))
                    .hasMessageContaining("第2行 prefix 列：代码前缀应为数字").hasMessageContaining("priority 列：优先级应为整数");
        } finally {
            mappings.saveCsv(original, "恢复", "analyst");
        }
    }

    @Test
    void textWithBackslashesTabsAndQuotesAndNegativeAmountsIsStoredExactly() throws IOException {
        PaymentResult r = run(file("esc.csv", "640422,2059-01-05,100.00,2010101,30101,\"P\\1\",\"县财政局\t（\"\"代管\"\"）\"",
                "640422,2059-01-06,-12.30,2010101,30101,P-2,县财政局"), "2059-01");
        assertThat(facts(r.revisionId())).containsEntry("640422|paid_wage", new BigDecimal("87.70"));
        assertThat(queries.drill(r.revisionId(), "640422", PaymentClass.WAGE, 10, 0)).satisfiesExactly(
                p -> {
                    assertThat(p.projectCode()).isEqualTo("P\\1");
                    assertThat(p.agency()).isEqualTo("县财政局\t（\"代管\"）");
                    assertThat(p.amount()).isEqualTo(new BigDecimal("100.00"));
                },
                p -> assertThat(p.amount()).isEqualTo(new BigDecimal("-12.30")));
    }

    @Test
    void rowsHandedOverByAConnectorAreCheckedAndStoredAsTheirFileWouldBe() throws IOException {
        List<String[]> rows = List.of(
                new String[] {"640422", "2060-01-05", "100.00", "2010101", "30101", "P-1", "县财政局"},
                new String[] {"640422", "2060-01-06", "20.50", "2010101", "30201", "P-2", "县财政局\n（代管）"}, // a line break is a space
                new String[] {"640104", "2060-01-07", "7.00", "2050202", "30201", "", "区财政局,代管"}); // a comma is quoted in the file
        PaymentResult r = imports.importRows(sink -> rows.forEach(c -> sink.row(c.clone())), "连接器“甲”查询“支付凭证”",
                Period.parse("2060-01"), "analyst", u -> true, QUIET);
        assertThat(r.rows()).isEqualTo(3);
        assertThat(facts(r.revisionId())).containsEntry("640422|paid_wage", new BigDecimal("100.00"))
                .containsEntry("640422|paid_operation", new BigDecimal("20.50"))
                .containsEntry("640104|paid_livelihood", new BigDecimal("7.00"));
        assertThat(queries.drill(r.revisionId(), "640422", PaymentClass.OPERATION, 10, 0))
                .singleElement().satisfies(p -> assertThat(p.agency()).isEqualTo("县财政局 （代管）"));

        // the same rows as a CSV file are the same data: recognised, not stored twice (and so is an earlier extraction)
        Path same = dir.resolve("same.csv");
        Files.writeString(same, "unit_code,pay_date,amount,function_code,economic_code,project_code,agency\n"
                + "640422,2060-01-05,100.00,2010101,30101,P-1,县财政局\n640422,2060-01-06,20.50,2010101,30201,P-2,县财政局 （代管）\n"
                + "640104,2060-01-07,7.00,2050202,30201,,\"区财政局,代管\"\n", StandardCharsets.UTF_8);
        assertThat(run(same, "2060-01").duplicateOf()).isEqualTo(r.revisionId());

        // a bad row is named as the file's line (header = line 1) and column, and nothing is stored
        long before = details();
        int revisions = facts.revisions().size();
        assertThatThrownBy(() -> imports.importRows(sink -> {
            sink.row(new String[] {"640422", "2060-02-05", "1.00", "2010101", "30101", "", ""});
            sink.row(new String[] {"640422", "2060-02-30", "1.00", "2010101", "30101", "", ""});
        }, "连接器“甲”查询“支付凭证”", Period.parse("2060-02"), "analyst", u -> true, QUIET))
                .isInstanceOfSatisfying(IntakeRejectedException.class, e -> assertThat(e.findings()).singleElement()
                        .satisfies(f -> assertThat(f.row() + " " + f.column()).isEqualTo("3 第2列")));
        // a source that fails halfway ends the import with its own error, nothing stored
        IllegalStateException broken = new IllegalStateException("源库连接中断");
        assertThatThrownBy(() -> imports.importRows(sink -> {
            sink.row(new String[] {"640422", "2060-02-05", "1.00", "2010101", "30101", "", ""});
            throw broken;
        }, "连接器“甲”查询“支付凭证”", Period.parse("2060-02"), "analyst", u -> true, QUIET)).isSameAs(broken);
        assertThat(details()).isEqualTo(before);
        assertThat(facts.revisions()).hasSize(revisions);
    }

    @Test
    void aPaymentWorkbookWithAnExternalEntityIsRefusedAndNothingIsStored() {
        int revisions = facts.revisions().size();
        long rows = details();
        Path xxe = Path.of("src/test/resources/intake-bad/payment-xxe.xlsx");
        assertThatThrownBy(() -> imports.importFile(xxe, "payment-xxe.xlsx", Period.parse("2058-01"), "analyst", u -> true, QUIET))
                .isInstanceOfSatisfying(IntakeRejectedException.class, e -> assertThat(e.findings()).singleElement()
                        .satisfies(f -> {
                            assertThat(f.file()).isEqualTo("payment-xxe.xlsx");
                            assertThat(f.reason()).isEqualTo("工作簿内含 DOCTYPE/外部实体声明，出于安全原因已拒绝；请用 Excel 重新保存后上传");
                        }));
        assertThat(facts.revisions()).hasSize(revisions);
        assertThat(details()).isEqualTo(rows);
    }

    @Test
    void formulaCellsInAPaymentWorkbookAreRefusedWithTheirCellNotReadByTheirCachedResult() throws IOException {
        int revisions = facts.revisions().size();
        Path formula = Path.of("src/test/resources/intake-bad/payment-formula.xlsx");
        assertThatThrownBy(() -> imports.importFile(formula, "payment-formula.xlsx", Period.parse("2058-01"), "analyst", u -> true, QUIET))
                .isInstanceOfSatisfying(IntakeRejectedException.class, e -> assertThat(e.findings()).extracting(Finding::text)
                        .containsExactly("payment-formula.xlsx 工作表“第1个工作表” 第3行 C3：单元格含公式（=1000+234.5），系统不采用公式结果；"
                                + "请复制后“选择性粘贴为数值”再上传"));
        assertThat(facts.revisions()).hasSize(revisions);
        // the same workbook without the formula is accepted: the check is the formula, not the layout
        Path clean = dir.resolve("payment.xlsx");
        Files.write(clean, IntakeBadFiles.payments(s -> { }));
        assertThat(facts(run(clean, "2058-01").revisionId())).containsEntry("640422|paid_wage", new BigDecimal("2469.00"));
    }

    @Test
    void largeWorkbooksAreStreamedWithDatesAndNumbersReadAsShown() throws Exception {
        Path x = dir.resolve("pay.xlsx");
        try (var wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100); var out = Files.newOutputStream(x)) {
            var s = wb.createSheet("支付明细");
            String[] h = HEADER.split(",");
            var hr = s.createRow(0);
            for (int c = 0; c < h.length; c++) hr.createCell(c).setCellValue(h[c]);
            var date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy年m月d日"));
            for (int i = 1; i <= 2000; i++) {
                var r = s.createRow(i);
                r.createCell(0).setCellValue("640422");
                r.createCell(1).setCellValue(LocalDate.of(2057, 1, 1 + i % 28));
                r.getCell(1).setCellStyle(date);
                r.createCell(2).setCellValue(12.5);
                r.createCell(3).setCellValue("2010101");
                r.createCell(4).setCellValue(30101);
                r.createCell(5).setCellValue("P-X");
            }
            wb.write(out);
        }
        PaymentResult r = run(x, "2057-01");
        assertThat(queries.count(r.revisionId())).isEqualTo(2000);
        assertThat(facts(r.revisionId())).containsEntry("640422|paid_wage", new BigDecimal("25000.00"));
    }
}
