package cn.sanbao.projects.library;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) throw new DataFileException(fileName, 1, null, "缺少表头行");
            DataFormatter fmt = new DataFormatter();
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

    public static byte[] write(List<Project> projects, Function<String, String> itemName) {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("项目库");
            Row h = sheet.createRow(0);
            List<String> cols = new ArrayList<>(ProjectValidator.COLUMNS);
            cols.add("清单项目名称");
            for (int i = 0; i < cols.size(); i++) h.createCell(i).setCellValue(cols.get(i));
            int r = 1;
            for (Project p : projects) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(p.code());
                row.createCell(1).setCellValue(p.name());
                row.createCell(2).setCellValue(p.unitCode());
                row.createCell(3).setCellValue(p.agency());
                row.createCell(4).setCellValue(p.category().label());
                row.createCell(5).setCellValue(p.tag().label());
                row.createCell(6).setCellValue(p.itemCode() == null ? "" : p.itemCode());
                row.createCell(7).setCellValue(p.functionCode());
                row.createCell(8).setCellValue(p.economicCode());
                // as text: a spreadsheet double would not keep every 分 of large amounts
                row.createCell(9).setCellValue(p.amount().toPlainString());
                row.createCell(10).setCellValue(p.year());
                row.createCell(11).setCellValue(p.state().label());
                row.createCell(12).setCellValue(p.itemCode() == null ? "" : itemName.apply(p.itemCode()));
            }
            for (int i = 0; i < cols.size(); i++) sheet.setColumnWidth(i, 16 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
