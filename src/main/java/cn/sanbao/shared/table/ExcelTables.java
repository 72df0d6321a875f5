package cn.sanbao.shared.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Tables as an .xlsx workbook, one sheet per table: title in row 1, headers in row 2 (frozen), data below.
 * Numbers are numeric cells with the column's number format, so they can be summed and sorted in Excel.
 * Text is always a text cell; text that Excel would take for a formula when edited (= + - @ first) is also
 * marked quote-prefixed, so a hostile unit or project name can never become a formula.
 * Every table download of the console goes through here (see docs/console.md).
 */
public final class ExcelTables {

    /** Title row, header row, then the data: the first data row's index. */
    public static final int FIRST_DATA_ROW = 2;

    private ExcelTables() {
    }

    public static byte[] write(Table table) {
        return write(List.of(table));
    }

    /** Streams rows to disk as it goes (at most 200 rows in memory), so long lists export in little heap. */
    public static byte[] write(List<Table> tables) {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            addSheets(wb, tables);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                wb.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
            wb.dispose();
        }
    }

    public static void addSheets(Workbook wb, List<Table> tables) {
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle head = wb.createCellStyle();
        head.setFont(bold);
        head.setWrapText(true);
        Map<Table.Kind, CellStyle> styles = new EnumMap<>(Table.Kind.class);
        for (Table.Kind k : Table.Kind.values()) {
            CellStyle s = wb.createCellStyle();
            if (k.excelFormat() != null) s.setDataFormat(wb.createDataFormat().getFormat(k.excelFormat()));
            styles.put(k, s);
        }
        CellStyle quoted = wb.createCellStyle();
        quoted.setQuotePrefixed(true);
        Set<String> names = new HashSet<>();
        for (Table t : tables) {
            Sheet sheet = wb.createSheet(sheetName(t.title(), names));
            Cell title = sheet.createRow(0).createCell(0);
            title.setCellValue(t.title() + (t.note() == null ? "" : "（" + t.note() + "）"));
            title.setCellStyle(head);
            Row h = sheet.createRow(1);
            for (int c = 0; c < t.columns().size(); c++) {
                Cell cell = h.createCell(c);
                cell.setCellValue(t.columns().get(c).header());
                cell.setCellStyle(head);
            }
            for (int r = 0; r < t.rows().size(); r++) {
                Row row = sheet.createRow(FIRST_DATA_ROW + r);
                List<Object> values = t.rows().get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null) continue;
                    Table.Kind kind = t.columns().get(c).kind();
                    Cell cell = row.createCell(c);
                    if (v instanceof Number n && kind != Table.Kind.TEXT) {
                        cell.setCellValue(n instanceof BigDecimal b ? b.doubleValue() : n.doubleValue());
                        cell.setCellStyle(styles.get(kind));
                    } else {
                        String text = v.toString();
                        cell.setCellValue(text);
                        cell.setCellStyle(formulaLike(text) ? quoted : styles.get(kind));
                    }
                }
            }
            sheet.createFreezePane(0, FIRST_DATA_ROW);
            for (int c = 0; c < t.columns().size(); c++)
                sheet.setColumnWidth(c, Math.min(60, Math.max(10, t.columns().get(c).header().length() * 2 + 4)) * 256);
        }
    }

    /** Text Excel (or a CSV-minded reader) would treat as a formula if typed in. */
    static boolean formulaLike(String text) {
        if (text.isEmpty()) return false;
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** Excel allows 31 characters and no []:*?/\ in a sheet name, and each name once per workbook. */
    static String sheetName(String title, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(title == null || title.isBlank() ? "表" : title);
        if (base.length() > 28) base = base.substring(0, 28);
        String name = base;
        for (int i = 2; !used.add(name.toLowerCase()); i++) name = base + "-" + i;
        return name;
    }
}
