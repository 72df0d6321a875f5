package cn.sanbao.shared;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small UTF-8 CSV file with a header row, read fully into memory (reference files are tiny).
 * Line numbers are those a user sees in a text editor, so error messages point at the right line.
 */
public final class CsvFile {

    /** One data row; {@link #get} returns the trimmed cell, "" when empty or absent. */
    public record Row(int line, Map<String, String> cells) {
        public String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v.trim();
        }
    }

    private final String fileName;
    private final List<Row> rows;

    private CsvFile(String fileName, List<Row> rows) {
        this.fileName = fileName;
        this.rows = rows;
    }

    public String fileName() { return fileName; }

    public List<Row> rows() { return rows; }

    /** Reads the file; missing required columns or an unreadable file fail at once (nothing else can be checked). */
    public static CsvFile read(String fileName, InputStream in, List<String> requiredColumns) {
        String text;
        try (in) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取文件 " + fileName, e);
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1); // Excel writes a BOM
        // Empty lines are kept as records so that record number == line number.
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new DataFileException(fileName, 0, null, "CSV 格式错误：" + e.getMessage());
        }
        if (records.isEmpty() || isBlank(records.get(0))) {
            throw new DataFileException(fileName, 1, null, "缺少表头行");
        }
        List<String> header = new ArrayList<>();
        records.get(0).forEach(h -> header.add(h.trim()));
        List<DataFileException.Problem> problems = new ArrayList<>();
        for (String col : requiredColumns) {
            if (!header.contains(col)) problems.add(new DataFileException.Problem(fileName, 1, col, "缺少必需的列"));
        }
        if (!problems.isEmpty()) throw new DataFileException(problems);

        List<Row> rows = new ArrayList<>();
        Set<String> known = Set.copyOf(header);
        for (int i = 1; i < records.size(); i++) {
            CSVRecord r = records.get(i);
            if (isBlank(r)) continue;
            Map<String, String> cells = new HashMap<>();
            for (int c = 0; c < header.size() && c < r.size(); c++) {
                if (known.contains(header.get(c))) cells.putIfAbsent(header.get(c), CsvWriter.restore(r.get(c)));
            }
            rows.add(new Row((int) r.getRecordNumber(), cells));
        }
        return new CsvFile(fileName, List.copyOf(rows));
    }

    private static boolean isBlank(CSVRecord r) {
        for (String v : r) if (!v.isBlank()) return false;
        return true;
    }
}
