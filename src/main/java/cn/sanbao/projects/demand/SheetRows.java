package cn.sanbao.projects.demand;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import cn.sanbao.shared.CsvFile;
import cn.sanbao.shared.DataFileException;
import cn.sanbao.shared.Problems;

/** Reads the first sheet of an .xlsx file into rows shaped like {@link CsvFile} rows (line = Excel row number). */
final class SheetRows {

    private SheetRows() {
    }

    static List<CsvFile.Row> read(String fileName, InputStream in, List<String> requiredColumns) {
        try (in; Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) throw new DataFileException(fileName, 1, null, "缺少表头行");
            DataFormatter fmt = new DataFormatter();
            Map<Integer, String> names = new HashMap<>();
            for (Cell c : header) names.put(c.getColumnIndex(), fmt.formatCellValue(c).trim());
            Problems problems = new Problems(fileName);
            for (String col : requiredColumns)
                if (!names.containsValue(col)) problems.add(header.getRowNum() + 1, col, "缺少必需的列");
            problems.throwIfAny();
            List<CsvFile.Row> rows = new ArrayList<>();
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) continue;
                Map<String, String> cells = new HashMap<>();
                boolean blank = true;
                for (Map.Entry<Integer, String> n : names.entrySet()) {
                    Cell c = row.getCell(n.getKey());
                    String v = c == null ? "" : c.getCellType() == CellType.NUMERIC
                            ? BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros().toPlainString()
                            : fmt.formatCellValue(c).trim();
                    if (!v.isBlank()) blank = false;
                    cells.putIfAbsent(n.getValue(), v);
                }
                if (!blank) rows.add(new CsvFile.Row(r + 1, cells));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataFileException d) throw d;
            throw new DataFileException(fileName, 0, null, "不是有效的 Excel（.xlsx）文件：" + e.getMessage());
        }
    }
}
