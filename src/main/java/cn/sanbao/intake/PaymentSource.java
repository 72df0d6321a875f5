package cn.sanbao.intake;

import java.io.BufferedReader;
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
        if (lower.endsWith(".csv")) return new Csv(file, detect(file));
        throw IntakeRejectedException.of(name, null, "支付明细只接受 .csv 或 .xlsx 文件");
    }

    /** Valid UTF-8 in the first megabyte (cut at a line end) → UTF-8, otherwise GB18030. */
    static Charset detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1 << 20);
        }
        int end = head.length;
        if (head.length == 1 << 20) while (end > 0 && head[end - 1] != '\n') end--;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return CsvGridReader.GB18030;
        }
    }

    /** Plain comma splitting for the common unquoted line; quoted lines go through commons-csv. */
    final class Csv implements PaymentSource {
        private final Path file;
        private final Charset charset;

        Csv(Path file, Charset charset) {
            this.file = file;
            this.charset = charset;
        }

        @Override
        public void forEach(RowVisitor visitor) throws IOException {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset), 1 << 16)) {
                long line = 0;
                for (String s; (s = in.readLine()) != null; ) {
                    line++;
                    if (line == 1 && s.startsWith("\uFEFF")) s = s.substring(1);
                    if (s.isBlank()) continue;
                    visitor.row(line, s.indexOf('"') < 0 ? split(s) : quoted(s));
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

        private static String[] quoted(String s) throws IOException {
            try (var p = org.apache.commons.csv.CSVParser.parse(s, org.apache.commons.csv.CSVFormat.DEFAULT)) {
                var r = p.getRecords();
                return r.isEmpty() ? new String[0] : r.get(0).stream().map(String::trim).toArray(String[]::new);
            }
        }
    }
}
