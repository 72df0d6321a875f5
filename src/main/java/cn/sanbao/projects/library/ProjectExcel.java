package cn.sanbao.projects.library;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import cn.sanbao.shared.DataFileException;
import cn.sanbao.shared.Problems;
import cn.sanbao.shared.table.ExcelTables;
import cn.sanbao.shared.table.Table;

/** Project library workbook: first sheet, header row with the Chinese column names, one project per row. */
public final class ProjectExcel {

    /** Rows read and checked; line numbers are the Excel row numbers. */
    public record Parsed(List<Project> projects, List<Integer> lines) {
    }

    private ProjectExcel() {
    }

    public static Parsed read(String fileName, InputStream in, ProjectValidator validator) {
        Problems problems = new Problems(fileName);
        List<Project> projects = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (in; Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter();
            Row header = headerRow(sheet, fmt);
            if (header == null) throw new DataFileException(fileName, 1, null, "缺少表头行");
            Map<String, Integer> col = new HashMap<>();
            for (Cell c : header) col.put(fmt.formatCellValue(c).trim(), c.getColumnIndex());
            for (String name : ProjectValidator.COLUMNS)
                if (!col.containsKey(name) && !name.equals(ProjectValidator.STATE) && !name.equals(ProjectValidator.ITEM))
                    problems.add(header.getRowNum() + 1, name, "缺少必需的列");
            problems.throwIfAny();
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) continue;
                Map<String, String> cells = new HashMap<>();
                boolean blank = true;
                for (String name : ProjectValidator.COLUMNS) {
                    Integer i = col.get(name);
                    String v = i == null ? "" : text(row.getCell(i), fmt);
                    if (!v.isBlank()) blank = false;
                    cells.put(name, v);
                }
                if (blank) continue;
                Project p = validator.check(cells, r + 1, problems);
                if (p != null) {
                    projects.add(p);
                    lines.add(r + 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataFileException d) throw d;
            throw new DataFileException(fileName, 0, null, "不是有效的 Excel（.xlsx）文件：" + e.getMessage());
        }
        problems.throwIfAny();
        return new Parsed(projects, lines);
    }

    /** Numbers are read exactly as stored text would show them (no 1.0E7 or binary fractions). */
    private static String text(Cell cell, DataFormatter fmt) {
        if (cell == null) return "";
        if (cell.getCellType() == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return fmt.formatCellValue(cell).trim();
    }

    /**
     * The library in the import layout (title row, then the header row the import looks for): amounts in 元 as
     * numbers to the 分, so the file can be edited and imported back; the item's name is added for reading.
     */
    public static byte[] write(List<Project> projects, Function<String, String> itemName) {
        Table.Builder t = Table.builder("项目库");
        for (String c : ProjectValidator.COLUMNS)
            t.column(c, c.equals(ProjectValidator.AMOUNT) ? Table.Kind.YUAN : c.equals(ProjectValidator.YEAR) ? Table.Kind.INTEGER : Table.Kind.TEXT);
        t.text("清单项目名称");
        for (Project p : projects)
            t.row(p.code(), p.name(), p.unitCode(), p.agency(), p.category().label(), p.tag().label(),
                    p.itemCode() == null ? "" : p.itemCode(), p.functionCode(), p.economicCode(), p.amount(), p.year(),
                    p.state().label(), p.itemCode() == null ? "" : itemName.apply(p.itemCode()));
        return ExcelTables.write(t.build());
    }

    /** The header row: the first of the first rows with a 项目编码 cell (exports put a title above it). */
    private static Row headerRow(Sheet sheet, DataFormatter fmt) {
        for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), sheet.getFirstRowNum() + 4); r++) {
            Row row = sheet.getRow(r);
            if (row == null) continue;
            for (Cell c : row) if (ProjectValidator.CODE.equals(fmt.formatCellValue(c).trim())) return row;
        }
        return sheet.getRow(sheet.getFirstRowNum());
    }
}
