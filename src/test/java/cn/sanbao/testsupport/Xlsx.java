package cn.sanbao.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import cn.sanbao.shared.table.ExcelTables;

/**
 * An exported sheet read back with POI: header texts and data rows, numbers as Double, text as String, empty as null.
 * Exports are written by ExcelTables (title row, header row, data).
 */
public record Xlsx(String title, List<String> headers, List<List<Object>> rows, List<CellType> firstRowTypes) {

    public static Xlsx read(byte[] bytes) {
        return read(bytes, 0);
    }

    public static Xlsx read(byte[] bytes, int sheetIndex) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet s = wb.getSheetAt(sheetIndex);
            List<String> headers = new ArrayList<>();
            for (Cell c : s.getRow(1)) headers.add(c.getStringCellValue());
            List<List<Object>> rows = new ArrayList<>();
            List<CellType> types = new ArrayList<>();
            for (int r = ExcelTables.FIRST_DATA_ROW; r <= s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                List<Object> cells = new ArrayList<>();
                for (int c = 0; c < headers.size(); c++) {
                    Cell cell = row == null ? null : row.getCell(c);
                    if (r == ExcelTables.FIRST_DATA_ROW) types.add(cell == null ? CellType.BLANK : cell.getCellType());
                    cells.add(cell == null ? null : cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue()
                            : cell.getStringCellValue());
                }
                rows.add(cells);
            }
            return new Xlsx(s.getRow(0).getCell(0).getStringCellValue(), headers, rows, types);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int sheets(byte[] bytes) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            return wb.getNumberOfSheets();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Object> column(String header) {
        int i = headers.indexOf(header);
        if (i < 0) throw new IllegalArgumentException("no column " + header + " in " + headers);
        return rows.stream().map(r -> r.get(i)).toList();
    }
}
