package cn.sanbao.intake;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV template upload. The text is checked against the template's shape (rows, columns, cell
 * length) by a cheap scan before commons-csv builds any record, so a line of a million commas or one
 * endless quoted cell is refused with its line number instead of filling the heap.
 */
final class CsvGridReader {

    static final Charset GB18030 = Charset.forName("GB18030");

    /** How the bytes of an uploaded text file are to be read: charset and BOM length to skip. */
    record Encoding(Charset charset, int bomLength) {
    }

    private CsvGridReader() {
    }

    static Grid read(String fileName, byte[] bytes) {
        String text = decode(fileName, bytes);
        if (text.isBlank()) throw IntakeRejectedException.of(fileName, null, "文件为空");
        checkShape(fileName, text);
        List<List<Grid.Cell>> rows = new ArrayList<>();
        // empty lines are kept so that record number == line number in a text editor
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord r : parser) {
                List<Grid.Cell> row = new ArrayList<>(r.size());
                for (String v : r) row.add(v.isBlank() ? Grid.Cell.BLANK : new Grid.Cell(Grid.Kind.TEXT, v.trim(), null));
                rows.add(row);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw IntakeRejectedException.of(fileName, null, "CSV 格式错误：" + e.getMessage());
        }
        return new Grid(fileName, null, false, rows, List.of());
    }

    /** Rows, fields per line and field length within the template limits; an unclosed quote is named by its line. */
    static void checkShape(String fileName, String text) {
        int line = 1, fields = 1, chars = 0, quoteLine = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (!quoted) quoteLine = line;
                quoted = !quoted; // a doubled quote inside a quoted field toggles twice: no net change
            } else if (c == ',' && !quoted) {
                fields++;
                chars = 0;
            } else if (c == '\n') {
                line++;
                if (!quoted) {
                    fields = 1;
                    chars = 0;
                }
            } else if (c != '\r') {
                chars++;
            }
            if (line > TemplateLayout.MAX_ROWS + 1) {
                throw IntakeRejectedException.of(fileName, new Location(null, line, null),
                        "超出报送模板的范围：模板最多 " + TemplateLayout.MAX_ROWS + " 行");
            }
            if (fields > TemplateLayout.MAX_COLUMNS) {
                throw IntakeRejectedException.of(fileName, new Location(null, line, "第" + fields + "列"),
                        "超出报送模板的范围：模板最多 " + TemplateLayout.MAX_COLUMNS + " 列");
            }
            if (chars > TemplateLayout.MAX_CELL_CHARS) {
                throw IntakeRejectedException.of(fileName, new Location(null, quoted ? quoteLine : line, "第" + fields + "列"),
                        quoted ? "引号未闭合：从此行开始的带引号的内容一直没有结束引号（\"），请检查该单元格"
                                : "单元格内容超过 " + TemplateLayout.MAX_CELL_CHARS + " 个字符，不是报送模板的内容");
            }
        }
        if (quoted) {
            throw IntakeRejectedException.of(fileName, new Location(null, quoteLine, null),
                    "引号未闭合：此行开始的带引号的内容到文件末尾都没有结束引号（\"），请检查该行");
        }
    }

    static String decode(byte[] bytes) { return decode("上传文件", bytes); }

    static String decode(String fileName, byte[] bytes) {
        Encoding e = encoding(fileName, bytes, bytes.length);
        return new String(bytes, e.bomLength(), bytes.length - e.bomLength(), e.charset());
    }

    /**
     * The one rule for reading uploaded text (templates and payment detail): a BOM decides (UTF-8, UTF-16LE/BE);
     * without one, NUL bytes mean UTF-16 or a binary file and are refused with a hint; valid UTF-8 is UTF-8;
     * anything else is GB18030 (a superset of GBK), which Excel in China writes.
     *
     * @param length how many leading bytes of head to look at (a caller may pass a partial line at the end)
     */
    static Encoding encoding(String fileName, byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            return new Encoding(StandardCharsets.UTF_8, 3);
        }
        if (length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) return new Encoding(StandardCharsets.UTF_16LE, 2);
        if (length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) return new Encoding(StandardCharsets.UTF_16BE, 2);
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                throw IntakeRejectedException.of(fileName, null, "文件含有 NUL 字节，不是文本格式的 CSV（可能是没有 BOM 的 UTF-16 文本或二进制文件）；"
                        + "请在 Excel 中“另存为 CSV UTF-8（逗号分隔）”后再上传");
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, length));
            return new Encoding(StandardCharsets.UTF_8, 0);
        } catch (CharacterCodingException e) {
            return new Encoding(GB18030, 0);
        }
    }
}
