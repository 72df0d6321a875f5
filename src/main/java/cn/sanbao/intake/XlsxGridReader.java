package cn.sanbao.intake;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the data sheet of an uploaded workbook. Guards: only real xlsx (zip) content, POI's zip-bomb
 * limits, and POI's XML parsing, which refuses DOCTYPE declarations (so no external entities).
 */
final class XlsxGridReader {

    static {
        XlsxSafety.apply();
    }

    private XlsxGridReader() {
    }

    static Grid read(String fileName, byte[] bytes) {
        XlsxSafety.requireXlsx(fileName, bytes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheet(TemplateLayout.DATA_SHEET);
            if (sheet == null) sheet = wb.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<List<Grid.Cell>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<Grid.Cell> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) cells.add(convert(row.getCell(c), formatter));
                }
                rows.add(cells);
            }
            List<String> merged = sheet.getMergedRegions().stream().map(CellRangeAddress::formatAsString).toList();
            return new Grid(fileName, sheet.getSheetName(), true, rows, merged);
        } catch (IntakeRejectedException e) {
            throw e;
        } catch (Exception | OutOfMemoryError e) {
            throw XlsxSafety.explain(fileName, e);
        }
    }

    private static Grid.Cell convert(Cell cell, DataFormatter formatter) {
        if (cell == null) return Grid.Cell.BLANK;
        return switch (cell.getCellType()) {
            case BLANK -> Grid.Cell.BLANK;
            case STRING -> new Grid.Cell(Grid.Kind.TEXT, cell.getStringCellValue().trim(), null);
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? new Grid.Cell(Grid.Kind.DATE, formatter.formatCellValue(cell), BigDecimal.valueOf(cell.getNumericCellValue()))
                    : new Grid.Cell(Grid.Kind.NUMBER, formatter.formatCellValue(cell), BigDecimal.valueOf(cell.getNumericCellValue()));
            case FORMULA -> new Grid.Cell(Grid.Kind.FORMULA, "=" + cell.getCellFormula(), null);
            case BOOLEAN -> new Grid.Cell(Grid.Kind.BOOLEAN, String.valueOf(cell.getBooleanCellValue()), null);
            default -> new Grid.Cell(Grid.Kind.ERROR, cell.getCellType() == CellType.ERROR ? "#错误值" : "", null);
        };
    }
}
