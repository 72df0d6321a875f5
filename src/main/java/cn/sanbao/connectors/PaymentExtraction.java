package cn.sanbao.connectors;

import cn.sanbao.intake.Finding;
import cn.sanbao.intake.IntakeRejectedException;
import cn.sanbao.intake.Location;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Streams a payment-detail query into a temporary CSV in the payment file layout, so the payment import's own
 * two-pass check and COPY write apply unchanged (this module never writes payment tables). Row n of the result is
 * line n+1 of the file; {@link #translate} turns the import's findings back into query, row and source column.
 */
final class PaymentExtraction implements AutoCloseable {

    /** Platform columns in file order (the payment file header). */
    static final List<String> COLUMNS = List.of("unit_code", "pay_date", "amount", "function_code", "economic_code",
            "project_code", "agency");

    private final Connector.Query query;
    private final Map<String, String> unitCodes;
    private final Path file;
    private final List<List<String>> preview = new ArrayList<>();
    private long rows;
    private LocalDate latest;

    PaymentExtraction(Connector.Query query, Map<String, String> unitCodes) {
        this.query = query;
        this.unitCodes = unitCodes;
        try {
            this.file = Files.createTempFile("sanbao-connector-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the whole result into the file; SQL problems become the import's kind of refusal. */
    PaymentExtraction read(SourceReader source, SourceReader.Params params, String connectorFile) {
        String[] sourceCols = COLUMNS.stream().map(c -> query.columns().get(c)).toArray(String[]::new);
        List<String> required = Arrays.stream(sourceCols).filter(java.util.Objects::nonNull).toList();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", COLUMNS));
            out.write('\n');
            int[] idx = new int[sourceCols.length];
            source.stream(query.sql(), params, required, (n, rs) -> {
                if (n == 1) for (int i = 0; i < idx.length; i++) idx[i] = sourceCols[i] == null ? 0 : rs.findColumn(sourceCols[i]);
                write(out, n, rs, idx);
            });
        } catch (SourceReader.Refused e) {
            throw IntakeRejectedException.of(connectorFile, new Location(null, 0, ItemExtraction.where(query)), e.getMessage());
        } catch (SQLException | org.springframework.dao.DataAccessException e) {
            throw IntakeRejectedException.of(connectorFile, new Location(null, 0, ItemExtraction.where(query)),
                    "查询执行失败：" + SourceErrors.reason(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void write(BufferedWriter out, long n, ResultSet rs, int[] idx) throws SQLException {
        String[] cells = new String[idx.length];
        for (int i = 0; i < idx.length; i++) cells[i] = idx[i] == 0 ? "" : cell(rs, idx[i]);
        cells[0] = unitCodes.getOrDefault(cells[0], cells[0]);
        rows++;
        if (preview.size() < ItemExtraction.PREVIEW) preview.add(Arrays.asList(cells));
        try {
            LocalDate d = LocalDate.parse(cells[1]);
            if (latest == null || d.isAfter(latest)) latest = d;
        } catch (java.time.format.DateTimeParseException ignored) {
            // the import reports the bad date with its row
        }
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) out.write(',');
                out.write(csv(cells[i]));
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dates as yyyy-MM-dd whatever the driver's type; text trimmed, line breaks (never valid in a payment) as spaces. */
    private static String cell(ResultSet rs, int i) throws SQLException {
        Object o = rs.getObject(i);
        if (o == null) return "";
        if (o instanceof java.sql.Date d) return d.toLocalDate().toString();
        if (o instanceof java.sql.Timestamp t) return t.toLocalDateTime().toLocalDate().toString();
        if (o instanceof java.time.LocalDateTime ldt) return ldt.toLocalDate().toString();
        if (o instanceof java.math.BigDecimal b) return b.toPlainString();
        return o.toString().strip().replace('\r', ' ').replace('\n', ' ');
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    Path file() { return file; }

    long rows() { return rows; }

    /** Latest payment date read (the watermark after a successful run); null when no row had a valid date. */
    LocalDate latest() { return latest; }

    List<List<String>> preview() { return preview; }

    /** The import's findings (file line, "第3列") as connector, query, result row and source column. */
    IntakeRejectedException translate(IntakeRejectedException e, String connectorFile) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : e.findings()) {
            if (f.reason().startsWith("…及另外")) continue; // recounted below
            String column = f.column();
            if (column != null && column.startsWith("第") && column.endsWith("列")) {
                try {
                    int c = Integer.parseInt(column.substring(1, column.length() - 1)) - 1;
                    String src = c >= 0 && c < COLUMNS.size() ? query.columns().get(COLUMNS.get(c)) : null;
                    column = src == null ? column : "列“" + src + "”";
                } catch (NumberFormatException ignored) {
                    // keep the import's wording
                }
            }
            int row = f.row() > 1 ? f.row() - 1 : 0;
            String at = ItemExtraction.where(query) + (column == null ? "" : " " + column);
            out.add(new Finding(connectorFile, null, row, at, f.reason()));
        }
        return new IntakeRejectedException(out, Math.max(0, e.total() - out.size()));
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is removed with the temp directory
        }
    }
}
