package cn.sanbao.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Streams the raw cells of a payment file row by row (CSV here; xlsx via {@link XlsxPaymentSource}). */
interface PaymentSource {

    interface RowVisitor {
        /** line is the 1-based row a user sees; cells may be shorter than the header. */
        void row(long line, String[] cells);
    }

    /** Calls back once per row, the header row included (line 1). */
    void forEach(RowVisitor visitor) throws IOException;

    /** "C7"-style cell names in a workbook, "第3列" in CSV. */
    String column(long line, int col);

    static PaymentSource of(Path file, String name) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) return new XlsxPaymentSource(file, name);
        if (lower.endsWith(".csv")) return new Csv(file, name, detect(file, name));
        throw IntakeRejectedException.of(name, null, "支付明细只接受 .csv 或 .xlsx 文件");
    }

    /** The shared upload text rule ({@link CsvGridReader#encoding}) applied to the first megabyte, cut at a line end. */
    static CsvGridReader.Encoding detect(Path file, String name) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1 << 20);
        }
        int end = head.length;
        if (head.length == 1 << 20) while (end > 0 && head[end - 1] != '\n') end--;
        return CsvGridReader.encoding(name, head, end == 0 ? head.length : end);
    }

    /** A payment line is a few hundred characters; a longer one (or one without line breaks) is refused, not buffered. */
    int MAX_LINE_CHARS = 10_000;
    int MAX_FIELDS = 100;

    /** Plain comma splitting for the common unquoted line; quoted lines go through commons-csv. */
    final class Csv implements PaymentSource {
        private final Path file;
        private final String name;
        private final CsvGridReader.Encoding encoding;

        Csv(Path file, String name, CsvGridReader.Encoding encoding) {
            this.file = file;
            this.name = name;
            this.encoding = encoding;
        }

        @Override
        public void forEach(RowVisitor visitor) throws IOException {
            try (InputStream raw = Files.newInputStream(file)) {
                raw.skipNBytes(encoding.bomLength());
                BoundedLines in = new BoundedLines(new InputStreamReader(raw, encoding.charset()), MAX_LINE_CHARS);
                long line = 0;
                for (String s; (s = in.next()) != null; ) {
                    line++;
                    if (s == BoundedLines.TOO_LONG) {
                        throw IntakeRejectedException.of(name, new Location(null, (int) Math.min(line, Integer.MAX_VALUE), null),
                                "此行超过 " + MAX_LINE_CHARS + " 个字符（支付明细每行只有几列），不是支付明细文件或缺少换行");
                    }
                    if (s.isBlank()) continue;
                    String[] cells = s.indexOf('"') < 0 ? split(s) : quoted(name, line, s);
                    if (cells.length > MAX_FIELDS) {
                        throw IntakeRejectedException.of(name, new Location(null, (int) line, null),
                                "此行有 " + cells.length + " 列，超过 " + MAX_FIELDS + " 列，不是支付明细文件");
                    }
                    visitor.row(line, cells);
                }
            }
        }

        @Override
        public String column(long line, int col) { return "第" + (col + 1) + "列"; }

        private static String[] split(String s) {
            List<String> cells = new ArrayList<>(8);
            int start = 0;
            for (int i = s.indexOf(','); i >= 0; i = s.indexOf(',', start)) {
                cells.add(s.substring(start, i).trim());
                start = i + 1;
            }
            cells.add(s.substring(start).trim());
            return cells.toArray(new String[0]);
        }

        /** One physical line: a quoted cell must close on the same line (a payment cell has no line breaks). */
        private static String[] quoted(String name, long line, String s) {
            try (var p = org.apache.commons.csv.CSVParser.parse(s, org.apache.commons.csv.CSVFormat.DEFAULT)) {
                var r = p.getRecords();
                return r.isEmpty() ? new String[0] : r.get(0).stream().map(String::trim).toArray(String[]::new);
            } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
                throw IntakeRejectedException.of(name, new Location(null, (int) line, null),
                        "引号使用不正确：带引号（\"）的单元格必须在同一行内以引号结束，且结束引号后只能紧跟逗号；请检查此行");
            }
        }
    }
}
