package cn.sanbao.projects.demand;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import cn.sanbao.shared.CsvFile;
import cn.sanbao.shared.DataFileException;
import cn.sanbao.shared.Problems;
import cn.sanbao.shared.table.SheetStream;

/** Reads the first sheet of an .xlsx file (streamed, bounded) into rows shaped like {@link CsvFile} rows (line = Excel row number). */
final class SheetRows {

    private SheetRows() {
    }

    static List<CsvFile.Row> read(String fileName, InputStream in, List<String> requiredColumns) {
        Map<Integer, String> names = new HashMap<>();
        List<CsvFile.Row> rows = new ArrayList<>();
        SheetStream.read(fileName, in, SheetStream.Limits.IMPORT, (line, cells) -> {
            if (names.isEmpty()) {
                for (int c = 0; c < cells.length; c++) if (cells[c] != null) names.put(c, cells[c]);
                Problems problems = new Problems(fileName);
                for (String col : requiredColumns) if (!names.containsValue(col)) problems.add(line, col, "缺少必需的列");
                problems.throwIfAny();
                return;
            }
            Map<String, String> values = new HashMap<>();
            for (Map.Entry<Integer, String> n : names.entrySet()) {
                int c = n.getKey();
                values.putIfAbsent(n.getValue(), c < cells.length && cells[c] != null ? cells[c] : "");
            }
            if (values.values().stream().anyMatch(v -> !v.isBlank())) rows.add(new CsvFile.Row(line, values));
        });
        if (names.isEmpty()) throw new DataFileException(fileName, 1, null, "缺少表头行");
        return rows;
    }
}
