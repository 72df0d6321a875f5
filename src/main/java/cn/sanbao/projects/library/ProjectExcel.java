package cn.sanbao.projects.library;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import cn.sanbao.shared.DataFileException;
import cn.sanbao.shared.Problems;
import cn.sanbao.shared.table.SheetStream;

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
        Map<String, Integer> col = new HashMap<>();
        SheetStream.read(fileName, in, SheetStream.Limits.IMPORT, (line, cells) -> {
            if (col.isEmpty()) {
                for (int c = 0; c < cells.length; c++) if (cells[c] != null) col.putIfAbsent(cells[c], c);
                for (String name : ProjectValidator.COLUMNS)
                    if (!col.containsKey(name) && !name.equals(ProjectValidator.STATE) && !name.equals(ProjectValidator.ITEM))
                        problems.add(line, name, "缺少必需的列");
                problems.throwIfAny();
                return;
            }
            Map<String, String> values = new HashMap<>();
            boolean blank = true;
            for (String name : ProjectValidator.COLUMNS) {
                Integer i = col.get(name);
                String v = i == null || i >= cells.length || cells[i] == null ? "" : cells[i];
                if (!v.isBlank()) blank = false;
                values.put(name, v);
            }
            if (blank) return;
            Project p = validator.check(values, line, problems);
            if (p != null) {
                projects.add(p);
                lines.add(line);
            }
        });
        if (col.isEmpty()) throw new DataFileException(fileName, 1, null, "缺少表头行");
        problems.throwIfAny();
        return new Parsed(projects, lines);
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
