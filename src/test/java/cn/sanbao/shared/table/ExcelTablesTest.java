package cn.sanbao.shared.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ExcelTablesTest {

    @Test
    void oneSheetPerTableWithNumbersAsNumbers() throws Exception {
        Table a = Table.builder("各县三保支出执行与库款/明细").text("单位").column("库款余额（万元）", Table.Kind.WAN)
                .column("名次", Table.Kind.INTEGER).row("西吉县", new BigDecimal("12345.67"), 3).row("隆德县", null, 4).build();
        Table b = Table.builder("各县三保支出执行与库款/明细").text("单位").row("泾源县").build();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(ExcelTables.write(List.of(a, b))))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            assertThat(wb.getSheetAt(0).getSheetName()).doesNotContain("/");
            assertThat(wb.getSheetAt(1).getSheetName()).isNotEqualTo(wb.getSheetAt(0).getSheetName());
            Row row = wb.getSheetAt(0).getRow(ExcelTables.FIRST_DATA_ROW);
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(12345.67);
            assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(3);
            assertThat(wb.getSheetAt(0).getRow(ExcelTables.FIRST_DATA_ROW + 1).getCell(1)).isNull();
        }
        assertThat(a.display(0, 1)).isEqualTo("12,345.67");
        assertThat(a.display(1, 1)).isEqualTo("—");
    }

    @Test
    void aRowOfTheWrongWidthIsRefusedWithTheTableName() {
        assertThatThrownBy(() -> Table.builder("排名").text("单位").text("等级").row("西吉县"))
                .hasMessageContaining("排名").hasMessageContaining("2 格");
    }

    @Test
    void textThatLooksLikeAFormulaStaysTextAndIsQuotePrefixed() throws Exception {
        Table t = Table.builder("名单").text("单位").column("金额", Table.Kind.WAN)
                .row("=HYPERLINK(\"http://x\",\"点我\")", new BigDecimal("-1.50")).row("+1+1", null).row("-2", null).row("@SUM(A1)", null)
                .row("西吉县", null).build();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(ExcelTables.write(t)))) {
            var s = wb.getSheetAt(0);
            for (int r = ExcelTables.FIRST_DATA_ROW; r < ExcelTables.FIRST_DATA_ROW + 4; r++) {
                var cell = s.getRow(r).getCell(0);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
            }
            assertThat(s.getRow(ExcelTables.FIRST_DATA_ROW).getCell(0).getStringCellValue()).startsWith("=HYPERLINK");
            assertThat(s.getRow(ExcelTables.FIRST_DATA_ROW + 4).getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
            // a negative amount is still a number
            assertThat(s.getRow(ExcelTables.FIRST_DATA_ROW).getCell(1).getNumericCellValue()).isEqualTo(-1.5);
        }
    }
}
