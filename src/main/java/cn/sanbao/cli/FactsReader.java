package cn.sanbao.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import cn.sanbao.shared.Decimals;

import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import cn.sanbao.kernel.Period;

/**
 * Reads and validates a facts CSV ({@code unit,period,item,value}, optional {@code unit_name}; UTF-8, a
 * byte-order mark is tolerated; see docs/cli.md). Every problem is reported as
 * "文件 第N行 第M列（列名）：原因" with the header as line 1; the whole file is rejected if any row is bad.
 */
public final class FactsReader {

    public static final String UNIT = "unit";
    public static final String UNIT_NAME = "unit_name";
    public static final String PERIOD = "period";
    public static final String ITEM = "item";
    public static final String VALUE = "value";
    public static final List<String> REQUIRED = List.of(UNIT, PERIOD, ITEM, VALUE);

    /** After this many problems the reader stops and says so. */
    static final int MAX_PROBLEMS = 20;

    /** Plain decimals and scientific notation as spreadsheets export it (3.32E-2, 1.2E+10); no thousands separators. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
    /** What spreadsheets and statistical tables put where a number could not be given. */
    private static final Pattern NOT_A_NUMBER = Pattern.compile(
            "#(NUM!|DIV/0!|VALUE!|REF!|NAME\\?|N/A|NULL!)|n\\.?d\\.?|n/?a|--?|…|\\.\\.|x", Pattern.CASE_INSENSITIVE);

    private final String source;
    private final Consumer<String> warnings;
    private final Catalogues catalogues;
    private final List<String> problems = new ArrayList<>();
    private final boolean skipInvalid;
    private final List<String> skipped = new ArrayList<>();
    /** Units already warned about for a second name: one warning per unit, however many rows repeat it. */
    private final java.util.Set<String> renamed = new java.util.HashSet<>();

    private FactsReader(String source, Consumer<String> warnings, Catalogues catalogues, boolean skipInvalid) {
        this.source = source;
        this.warnings = warnings;
        this.catalogues = catalogues;
        this.skipInvalid = skipInvalid;
    }

    /**
     * Reads the file; {@code warnings} receives non-fatal remarks (unknown columns, a unit named two ways).
     *
     * @throws CliException listing every problem found (at most {@value #MAX_PROBLEMS})
     */
    public static Facts read(Path file, Consumer<String> warnings) {
        return read(file, warnings, Catalogues.NONE);
    }

    /** Reads the file, also checking unit and item codes against the given reference files. */
    static Facts read(Path file, Consumer<String> warnings, Catalogues catalogues) {
        return read(file, warnings, catalogues, false);
    }

    /**
     * As {@link #read(Path, Consumer, Catalogues)}; with {@code skipInvalid} a value cell that is not a number
     * (#NUM!, #DIV/0!, n.d., …) drops its row, and the dropped rows are listed through {@code warnings}.
     */
    static Facts read(Path file, Consumer<String> warnings, Catalogues catalogues, boolean skipInvalid) {
        String source = file.toString();
        if (Files.isDirectory(file)) throw new CliException(source + "：这是一个目录，不是数据文件");
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new FactsReader(source, warnings, catalogues, skipInvalid).parse(reader);
        } catch (CharacterCodingException e) {
            throw new CliException(source + "：文件不是 UTF-8 编码（可能是 GBK/ANSI），请在 Excel 中“另存为 CSV UTF-8”后重试");
        } catch (NoSuchFileException e) {
            throw new CliException(source + "：找不到数据文件");
        } catch (IOException e) {
            throw new CliException(source + "：无法读取数据文件：" + e.getMessage());
        }
    }

    /** Same as {@link #read(Path, Consumer)} for text already open; {@code source} names it in messages. */
    public static Facts read(Reader reader, String source, Consumer<String> warnings) throws IOException {
        return new FactsReader(source, warnings, Catalogues.NONE, false).parse(reader);
    }

    private Facts parse(Reader in) throws IOException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        skipBom(reader);
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        Facts facts = new Facts();
        long previousEnd = 0;
        try (CSVParser parser = format.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!hasNext(records, 1)) throw new CliException(at(1) + "文件为空，第一行应为表头 unit,period,item,value");
            CSVRecord headerRecord = records.next();
            previousEnd = parser.getCurrentLineNumber();
            Map<String, Integer> columns = header(headerRecord);
            if (!problems.isEmpty()) throw new CliException(problems);
            facts.hasUnitNames(columns.containsKey(UNIT_NAME));

            int rows = 0;
            while (problems.size() < MAX_PROBLEMS && hasNext(records, previousEnd + 1)) {
                CSVRecord r = records.next();
                long line = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                if (blank(r)) continue;
                rows++;
                row(r, line, columns, facts);
            }
            if (problems.size() >= MAX_PROBLEMS && hasNext(records, previousEnd + 1))
                problems.add(source + "：错误过多，只列出前 " + MAX_PROBLEMS + " 处");
            if (rows == 0 && problems.isEmpty())
                problems.add(at(1) + "文件只有表头，没有数据行");
        }
        if (!problems.isEmpty()) throw new CliException(problems);
        if (!skipped.isEmpty()) {
            warnings.accept("警告：" + source + " 中 " + skipped.size() + " 行的数值不是数字，已按 --skip-invalid 跳过（这些数据项按缺失处理）：");
            skipped.forEach(line -> warnings.accept("  " + line));
        }
        return facts;
    }

    private Map<String, Integer> header(CSVRecord r) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < r.size(); i++) {
            String name = r.get(i).trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                if (i == r.size() - 1 && i > 0) continue; // trailing comma from spreadsheet exports
                problems.add(at(1) + "第" + (i + 1) + "列：表头列名为空");
                continue;
            }
            if (columns.containsKey(name)) {
                problems.add(at(1) + "第" + (i + 1) + "列：表头列“" + name + "”重复（第" + (columns.get(name) + 1) + "列已有）");
                continue;
            }
            columns.put(name, i);
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(at(1) + "表头缺少列 " + String.join("、", missing) + "：表头应为 unit,period,item,value（可另加 unit_name），实际为 "
                    + String.join(",", r.values()));
        }
        for (String c : columns.keySet()) {
            if (missing.isEmpty() && !REQUIRED.contains(c) && !c.equals(UNIT_NAME))
                warnings.accept("警告：" + source + " 第1行：未知列“" + c + "”已忽略");
        }
        return columns;
    }

    private void row(CSVRecord r, long line, Map<String, Integer> columns, Facts facts) {
        int width = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        if (r.size() < width) {
            problems.add(at(line) + "列数不足：表头有 " + width + " 列，本行只有 " + r.size() + " 列");
            return;
        }
        for (int i = width; i < r.size(); i++) {
            if (!r.get(i).isBlank()) {
                problems.add(at(line) + "第" + (i + 1) + "列：本行列数多于表头（多出的值“" + r.get(i) + "”）");
                return;
            }
        }
        int before = problems.size();
        String unit = required(r, line, columns, UNIT, "单位编码");
        String periodText = required(r, line, columns, PERIOD, "期间");
        String item = required(r, line, columns, ITEM, "数据项编码");
        String valueText = required(r, line, columns, VALUE, "数值");
        Period period = null;
        if (periodText != null) {
            try {
                period = Period.parse(periodText);
            } catch (IllegalArgumentException e) {
                problems.add(cell(line, columns, PERIOD) + "期间“" + periodText + "”有误：" + e.getMessage());
            }
        }
        BigDecimal value = null;
        if (valueText != null) {
            String v = valueText.replace(" ", "");
            if (NUMBER.matcher(v).matches()) value = Decimals.orNull(v);
            if (value == null && NOT_A_NUMBER.matcher(v).matches()) {
                String where = cell(line, columns, VALUE) + "“" + valueText + "”";
                if (skipInvalid) {
                    skipped.add(where);
                    return;
                }
                problems.add(where + "不是数字（表格中的错误值或“无数据”标记）；请改正或删去该行，或加 --skip-invalid 跳过此类行");
                return;
            }
            if (value == null) problems.add(cell(line, columns, VALUE) + "数值“" + valueText
                    + "”不是有效数字，应为不带千分位、不带单位的十进制数，如 1234.56，或科学计数法，如 3.32E-2");
        }
        String unitProblem = catalogues.unitProblem(unit);
        if (unitProblem != null) problems.add(cell(line, columns, UNIT) + unitProblem);
        String itemProblem = catalogues.itemProblem(item);
        if (itemProblem != null) problems.add(cell(line, columns, ITEM) + itemProblem);
        if (problems.size() > before) return;
        if (!facts.put(unit, period, item, value)) {
            problems.add(at(line) + "重复数据：单位 " + unit + "、期间 " + period.code() + "、数据项 " + item + " 已在前面出现过，同一组合只能有一行");
            return;
        }
        if (columns.containsKey(UNIT_NAME)) {
            String name = r.get(columns.get(UNIT_NAME)).trim();
            String known = facts.unitName(unit);
            if (!name.isEmpty() && known != null && !known.equals(name) && renamed.add(unit))
                warnings.accept("警告：" + source + " 第" + line + "行：单位 " + unit + " 的名称“" + name + "”与前面的“" + known + "”不一致，采用前者（该单位的其他不一致行不再提示）");
            facts.name(unit, name);
        }
    }

    private String required(CSVRecord r, long line, Map<String, Integer> columns, String column, String what) {
        String v = r.get(columns.get(column)).trim();
        if (v.isEmpty()) {
            problems.add(cell(line, columns, column) + what + "为空" + (column.equals(VALUE) ? "；缺失的数据请整行省略" : ""));
            return null;
        }
        return v;
    }

    private String at(long line) {
        return source + " 第" + line + "行：";
    }

    private String cell(long line, Map<String, Integer> columns, String column) {
        return source + " 第" + line + "行 第" + (columns.get(column) + 1) + "列（" + column + "）：";
    }

    private boolean hasNext(Iterator<CSVRecord> records, long line) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof CharacterCodingException)) cause = cause.getCause();
            if (cause != null) {
                problems.add(source + "：文件不是 UTF-8 编码（可能是 GBK/ANSI），请在 Excel 中“另存为 CSV UTF-8”后重试");
            } else {
                problems.add(at(line) + "CSV 格式错误（常见原因：引号未闭合）：" + e.getMessage());
            }
            throw new CliException(problems);
        }
    }

    private static boolean blank(CSVRecord r) {
        for (String v : r) if (!v.isBlank()) return false;
        return true;
    }

    private static void skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') reader.reset();
    }
}
