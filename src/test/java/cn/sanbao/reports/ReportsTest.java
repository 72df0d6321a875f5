package cn.sanbao.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactResolver;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.UnitFacts;
import cn.sanbao.monitoring.ResultExplanation;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRun;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.security.Roles;
import cn.sanbao.kernel.Money;
import cn.sanbao.shared.table.ExcelTables;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;

/** Reports of the demo year: numbers equal the stored results in Excel and PDF, Chinese text, scope, archive. */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class ReportsTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles(Roles.ANALYST);
    static final RequestPostProcessor LEADER = user("leader").roles(Roles.LEADER);
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_" + Roles.LOCAL, () -> "SCOPE_640422");
    static final Period MARCH = Period.month(2021, 3);

    @Autowired MockMvc mvc;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired FactResolver resolver;
    @Autowired ReportBuilder builder;
    @Autowired ReportService reports;
    @Autowired ReportSchedule schedule;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void demo() {
        DemoData.ensureLoaded(facts, scoring, results);
    }

    @Test
    void excelNumbersAreTheStoredResultsAsNumericCells() throws Exception {
        Report r = builder.build(ReportKind.PROVINCE_MONTHLY, MARCH, null);
        ScoringRun run = results.run(r.runId()).orElseThrow();
        Map<String, UnitRanking> stored = new HashMap<>();
        results.ranking(run, c -> true).forEach(u -> stored.put(u.unitCode(), u));
        Map<String, UnitFacts> data = resolver.resolve(MARCH, run.asOfRevision());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(reports.render(r, ReportFormat.XLSX)))) {
            Sheet points = wb.getSheet("各县四梁八柱得分");
            int checked = 0;
            for (int i = ExcelTables.FIRST_DATA_ROW; i <= points.getLastRowNum(); i++, checked++) {
                Row row = points.getRow(i);
                String unit = row.getCell(0).getStringCellValue();
                assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(BigDecimal.valueOf(row.getCell(2).getNumericCellValue()))
                        .isEqualByComparingTo(stored.get(unit).total());
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo(stored.get(unit).gradeName());
                ResultExplanation e = results.explanation(run.id(), unit);
                for (int k = 0; k < e.indicators().size(); k++)
                    assertThat(BigDecimal.valueOf(row.getCell(4 + k).getNumericCellValue()))
                            .as(unit + " " + e.indicators().get(k).name()).isEqualByComparingTo(e.indicators().get(k).points());
            }
            assertThat(checked).isEqualTo(28);
            Sheet money = wb.getSheet("各县三保支出执行与库款");
            assertThat(money.getRow(1).getCell(6).getStringCellValue()).isEqualTo("库款余额（万元）");
            for (int i = ExcelTables.FIRST_DATA_ROW; i <= money.getLastRowNum(); i++) {
                Row row = money.getRow(i);
                UnitFacts f = data.get(row.getCell(0).getStringCellValue());
                assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
                assertThat(BigDecimal.valueOf(row.getCell(6).getNumericCellValue()))
                        .isEqualByComparingTo(Money.toWan(f.amount("cash_balance").orElseThrow()));
            }
        }
    }

    @Test
    void pdfIsChineseA4WithPageNumbersAndTheStoredTotals() throws Exception {
        Report r = builder.build(ReportKind.PROVINCE_MONTHLY, MARCH, null);
        String text = PdfText.of(reports.render(r, ReportFormat.PDF));
        if (text == null) return; // PdfText explained why (pdftotext missing)
        assertThat(text).contains("2021年3月全区“三保”运行监测月报", "一、总体情况", "中度及以上风险单位", "西吉县", "附件：数据质量");
        int pages = PdfText.pages(text);
        assertThat(pages).isGreaterThan(1);
        assertThat(text).containsPattern("第\\s*1\\s*页\\s*共\\s*" + pages + "\\s*页")
                .containsPattern("第\\s*" + pages + "\\s*页\\s*共\\s*" + pages + "\\s*页");
        for (UnitRanking u : results.ranking(results.run(r.runId()).orElseThrow(), c -> true)) {
            if (u.consolidated() || u.total() == null) continue;
            assertThat(text).as(u.unitName()).containsPattern(u.unitName() + "\\s+" + u.total().setScale(2, RoundingMode.HALF_UP) + "\\s");
        }
    }

    @Test
    void unitReportComparesWithCityAndRegion() throws Exception {
        Report r = builder.build(ReportKind.UNIT_MONTHLY, MARCH, "640422");
        assertThat(r.title()).isEqualTo("西吉县2021年3月“三保”运行监测月报");
        UnitRanking own = results.ranking(MARCH, "640422"::equals).get(0);
        assertThat(r.sections().get(0).paragraphs().get(0)).contains(own.total().setScale(2).toPlainString(), own.gradeName());
        assertThat(r.sections().get(0).paragraphs().get(1)).contains("固原市");
        // the same sentence as the unit page and the letter: the arrears override decided, with its amount
        assertThat(r.sections().get(0).paragraphs()).anyMatch(p -> p.startsWith("定级依据：存在工资或基本民生拖欠（工资拖欠余额 ")
                && p.contains("万元") && p.contains("一票否决定为高度风险"));
        assertThat(r.charts()).extracting(c -> c.id()).containsExactly("score", "pillars");
        String text = PdfText.of(reports.render(r, ReportFormat.PDF));
        if (text != null) assertThat(text).contains("四梁八柱对比", "全区平均得分");
    }

    @Test
    void countyUserGetsOnlyItsOwnUnitReport() throws Exception {
        MvcResult made = mvc.perform(post("/reports/generate").with(XIJI).with(csrf()).param("kind", "UNIT_MONTHLY")
                .param("period", "2021-03").param("unit", "640422").param("formats", "PDF"))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = Long.parseLong(made.getResponse().getRedirectedUrl().replaceAll(".*generated=", ""));
        byte[] pdf = mvc.perform(get("/reports/" + id + "/download").with(XIJI)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 4)).isEqualTo("%PDF");
        mvc.perform(post("/reports/generate").with(XIJI).with(csrf()).param("kind", "UNIT_MONTHLY").param("period", "2021-03")
                .param("unit", "640423").param("formats", "PDF")).andExpect(status().isForbidden());
        mvc.perform(post("/reports/generate").with(XIJI).with(csrf()).param("kind", "PROVINCE_MONTHLY").param("period", "2021-03")
                .param("formats", "PDF")).andExpect(status().isForbidden());
        mvc.perform(get("/reports/preview").with(XIJI).param("kind", "UNIT_MONTHLY").param("unit", "640423"))
                .andExpect(status().isForbidden());

        long other = id(mvc.perform(post("/reports/generate").with(ANALYST).with(csrf()).param("kind", "UNIT_MONTHLY")
                .param("period", "2021-03").param("unit", "640423").param("formats", "XLSX")).andReturn());
        long region = id(mvc.perform(post("/reports/generate").with(ANALYST).with(csrf()).param("kind", "PROVINCE_MONTHLY")
                .param("period", "2021-03").param("formats", "PDF")).andReturn());
        mvc.perform(get("/reports/" + other + "/download").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(get("/reports/" + region + "/download").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(get("/reports/" + region + "/download").with(LEADER)).andExpect(status().isOk());
        mvc.perform(post("/reports/generate").with(LEADER).with(csrf()).param("kind", "PROVINCE_MONTHLY").param("period", "2021-03")
                .param("formats", "PDF")).andExpect(status().isForbidden());

        String list = mvc.perform(get("/reports").with(XIJI).locale(java.util.Locale.SIMPLIFIED_CHINESE)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("/reports/" + id + "/download", "<td>手动</td>").doesNotContain("/reports/" + other + "/download")
                .doesNotContain("/reports/" + region + "/download");
        assertThat(jdbc.sql("select count(*) from audit_event where actor = 'xiji' and action = 'REPORT_DOWNLOAD' and target = ?")
                .param("report:" + id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where actor = 'xiji' and action = 'SCOPE_DENIED' and target = '640423'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select fact_revisions from report_file where id = ?").param(id).query(String.class).single()).isNotBlank();
    }

    @Test
    void previewDrawsTheSameChartsOnScreen() throws Exception {
        String html = mvc.perform(get("/reports/preview").with(XIJI).param("period", "2021-03")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("西吉县2021年3月“三保”运行监测月报", "data-chart=\"score\"", "&quot;#c62828&quot;", "echarts.min.js");
    }

    @Test
    void weeklyScheduleGeneratesTheLatestWeekOnce() {
        String week = results.latestPeriod(Period.Type.WEEK).orElseThrow();
        List<Long> first = schedule.runWeekly();
        List<Long> again = schedule.runWeekly();
        assertThat(again).isEmpty();
        assertThat(jdbc.sql("select count(*) from report_file where kind = 'WEEKLY' and period = ? and trigger_kind = 'SCHEDULED'")
                .param(week).query(Long.class).single()).isEqualTo(first.isEmpty() ? 3 : first.size());
    }

    @Test
    void weeklyReportSaysInOneLineWhenThereAreNoDailyBalances() {
        Period week = Period.parse(results.latestPeriod(Period.Type.WEEK).orElseThrow());
        Report r = builder.build(ReportKind.WEEKLY, week, null);
        assertThat(r.sections()).last().satisfies(s -> {
            assertThat(s.heading()).isEqualTo("三、库款日监测");
            assertThat(s.paragraphs()).containsExactly("本周（" + week.startDate() + " 至 " + week.endDate() + "）没有库款日终余额数据。");
            assertThat(s.tables()).isEmpty();
        });
    }

    private static long id(MvcResult r) {
        return Long.parseLong(r.getResponse().getRedirectedUrl().replaceAll(".*generated=", ""));
    }
}
