package cn.sanbao.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import cn.sanbao.cashwatch.DailyBalance;
import cn.sanbao.cashwatch.DailyCashWatch;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.intake.Location;
import cn.sanbao.kernel.Period;
import cn.sanbao.shared.table.ExcelTables;
import cn.sanbao.testsupport.BothDatabases;

/** The weekly report's 库款日监测 section from a week of daily balances, read back from PDF, DOCX and xlsx. */
@SpringBootTest
@BothDatabases
class CashWatchReportTest {

    @Autowired DailyCashWatch watch;
    @Autowired FactRepository facts;
    @Autowired CashWatchSection section;
    @Autowired ReportService reports;

    @Test
    void theWeekShowsUnitsBelowTheFloorPerDayWithLowestLevelAndLongestStreak() throws Exception {
        LocalDate monday = LocalDate.now().minusDays(100).with(DayOfWeek.MONDAY);
        Period week = Period.week(monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        String year = String.valueOf(monday.getYear());
        // 彭阳县 and 泾源县: annual 三保 need 1,200,000 → monthly 100,000 (floor 0.3 = 30,000 元)
        facts.createRevision("TEST", "需求", "test", null, List.of("640425", "640424").stream().flatMap(u -> List.of(
                new FactValue(u, year, "demand_wage", new BigDecimal("600000")),
                new FactValue(u, year, "demand_operation", new BigDecimal("200000")),
                new FactValue(u, year, "demand_livelihood", new BigDecimal("400000"))).stream()).toList());
        Location at = new Location("周.csv", 2, "余额");
        watch.store("upload", "周.csv", List.of(
                new DailyBalance("640425", monday, new BigDecimal("25000"), at),             // 0.25 low, 1
                new DailyBalance("640425", monday.plusDays(1), new BigDecimal("12000"), at), // 0.12 low, 2
                new DailyBalance("640425", monday.plusDays(2), new BigDecimal("20000"), at), // 0.20 low, 3
                new DailyBalance("640425", monday.plusDays(3), new BigDecimal("50000"), at), // normal
                new DailyBalance("640424", monday, new BigDecimal("50000"), at),             // normal
                new DailyBalance("640424", monday.plusDays(3), new BigDecimal("29000"), at)), "analyst"); // 0.29 low, 1

        Report.Section s = section.section("三、库款日监测", week);
        assertThat(s.paragraphs()).containsExactly("本周（" + week.startDate() + " 至 " + week.endDate()
                + "）有库款日终余额数据 4 天；库款保障水平低于下限（0.3 个月）的单位 2 个，见下表。");
        Report r = new Report(ReportKind.WEEKLY, week.label() + "全区“三保”运行监测周报", week.code(), week.label(), null, null, 1L, null,
                List.of(), "演示模型", LocalDateTime.now(), List.of(s));

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(reports.render(r, ReportFormat.XLSX)))) {
            Sheet days = wb.getSheet("每日低于下限单位数");
            int first = ExcelTables.FIRST_DATA_ROW;
            assertThat(days.getRow(first).getCell(0).getStringCellValue()).isEqualTo(monday.toString());
            assertThat(days.getRow(first).getCell(1).getNumericCellValue()).isEqualTo(2);
            assertThat(days.getRow(first).getCell(2).getNumericCellValue()).isEqualTo(1);
            assertThat(days.getRow(first + 3).getCell(2).getNumericCellValue()).isEqualTo(1);
            assertThat(days.getLastRowNum()).isEqualTo(first + 3);
            Sheet units = wb.getSheet("本周库款保障水平低于下限的单位");
            assertThat(units.getRow(first).getCell(0).getStringCellValue()).isEqualTo("泾源县");
            assertThat(units.getRow(first + 1).getCell(0).getStringCellValue()).isEqualTo("彭阳县");
            assertThat(units.getRow(first + 1).getCell(1).getStringCellValue()).isEqualTo("固原市");
            assertThat(units.getRow(first + 1).getCell(2).getNumericCellValue()).isEqualTo(0.12);
            assertThat(units.getRow(first + 1).getCell(3).getStringCellValue()).isEqualTo(monday.plusDays(1).toString());
            assertThat(units.getRow(first + 1).getCell(4).getNumericCellValue()).isEqualTo(3);
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(reports.render(r, ReportFormat.DOCX)));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("三、库款日监测", "低于下限（0.3 个月）的单位 2 个", "彭阳县", "0.12");
            assertThat(doc.getTables()).hasSize(2);
        }
        String pdf = PdfText.of(reports.render(r, ReportFormat.PDF));
        if (pdf != null) assertThat(pdf).contains("三、库款日监测", "彭阳县", "泾源县").containsPattern("彭阳县\\s+固原市\\s+0\\.12\\s+" + monday.plusDays(1));
    }

    @Test
    void aWeekWithoutBalancesSaysSoInOneLine() {
        Period week = Period.week(2019, 10);
        Report.Section s = section.section("三、库款日监测", week);
        assertThat(s.paragraphs()).containsExactly("本周（2019-03-04 至 2019-03-10）没有库款日终余额数据。");
        assertThat(s.tables()).isEmpty();
    }
}
