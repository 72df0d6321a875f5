package cn.sanbao.projects.library;

import java.io.IOException;
import java.io.InputStream;
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
import cn.sanbao.shared.table.ExcelTables;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.table.ExcelTables;
import cn.sanbao.shared.table.SheetStream;
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
        Map<String, Integer> col = new HashMap<>();
        SheetStream.read(fileName, in, SheetStream.Limits.IMPORT, (line, cells) -> {
            if (col.isEmpty()) {
                // exports put a title above the header row: the header is the first row with 项目编码 (within five)
                if (line < 5 && java.util.Arrays.stream(cells).noneMatch(ProjectValidator.CODE::equals)) return;
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

}
