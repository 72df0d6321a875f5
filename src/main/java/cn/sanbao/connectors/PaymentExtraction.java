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
 * Continuing a month (a {@link Continuation}), the rows the platform already holds come first and only vouchers after
 * the watermark id are read from the source: the platform replaces a unit-month as a whole, the source is read once.
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
    private long baseRows;
    private String latest;
    private Long lastVoucher;
    private final StringBuilder lineBuffer = new StringBuilder(160);

    /** The month so far: the voucher id read up to, and the platform's rows of that month (fed to the given sink). */
    record Continuation(long afterVoucher, java.util.function.Consumer<java.util.function.Consumer<cn.sanbao.intake.PaymentRepository.Payment>> rows) {
    }

    PaymentExtraction(Connector.Query query, Map<String, String> unitCodes) {
        this.query = query;
        this.unitCodes = unitCodes;
        try {
            this.file = Files.createTempFile("sanbao-connector-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the whole result (or, continuing, the vouchers after the watermark) into the file; SQL problems become the import's kind of refusal. */
    PaymentExtraction read(SourceReader source, SourceReader.Params params, String connectorFile, Continuation from) {
        String[] sourceCols = COLUMNS.stream().map(c -> query.columns().get(c)).toArray(String[]::new);
        List<String> required = new ArrayList<>(Arrays.stream(sourceCols).filter(java.util.Objects::nonNull).toList());
        String voucher = query.columns().get("watermark");
        if (voucher != null) required.add(voucher);
        String sql = query.sql();
        SourceReader.Params bound = params;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", COLUMNS));
            out.write('\n');
            if (from != null) {
                if (!voucher.matches("[A-Za-z_][A-Za-z0-9_]*"))
                    throw new SourceReader.Refused("水位线列名“" + voucher + "”只能由字母、数字和下划线组成");
                from.rows().accept(p -> base(out, p));
                // the analyst's SQL as a sub-query: only vouchers after the watermark, in voucher order
                sql = "select * from (" + query.sql() + ") w where w." + voucher + " > :after order by w." + voucher;
                bound = new SourceReader.Params(params.period(), params.from(), params.to(), params.unit(), from.afterVoucher());
            }
            int[] idx = new int[sourceCols.length];
            int[] types = new int[sourceCols.length];
            int[] voucherIdx = {0};
            source.stream(sql, bound, required, (n, rs) -> {
                if (n == 1) {
                    java.sql.ResultSetMetaData md = rs.getMetaData();
                    for (int i = 0; i < idx.length; i++) {
                        idx[i] = sourceCols[i] == null ? 0 : rs.findColumn(sourceCols[i]);
                        types[i] = idx[i] == 0 ? java.sql.Types.NULL : md.getColumnType(idx[i]);
                    }
                    if (voucher != null) voucherIdx[0] = rs.findColumn(voucher);
                }
                write(out, n, rs, idx, types);
                if (voucherIdx[0] > 0) {
                    long v = rs.getLong(voucherIdx[0]);
                    if (!rs.wasNull() && (lastVoucher == null || v > lastVoucher)) lastVoucher = v;
                }
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

    /** A row the platform already holds, in the file layout (its codes are platform codes already). */
    private void base(BufferedWriter out, cn.sanbao.intake.PaymentRepository.Payment p) {
        baseRows++;
        line(out, new String[] {p.unitCode(), p.payDate().toString(), p.amount().toPlainString(), p.functionCode(), p.economicCode(),
                p.projectCode() == null ? "" : p.projectCode(), p.agency() == null ? "" : p.agency()});
    }

    private void write(BufferedWriter out, long n, ResultSet rs, int[] idx, int[] types) throws SQLException {
        String[] cells = new String[idx.length];
        for (int i = 0; i < idx.length; i++) cells[i] = idx[i] == 0 ? "" : cell(rs, idx[i], types[i]);
        cells[0] = unitCodes.getOrDefault(cells[0], cells[0]);
        rows++;
        if (preview.size() < ItemExtraction.PREVIEW) preview.add(Arrays.asList(cells));
        // ISO dates order as text: keep the greatest, parse once at the end (a bad date is reported by the import)
        if (isoDate(cells[1]) && (latest == null || cells[1].compareTo(latest) > 0)) latest = cells[1];
        line(out, cells);
    }

    /** One line built in a reused buffer and written at once: the writer locks on every call, millions of rows × 15 calls showed. */
    private void line(BufferedWriter out, String[] cells) {
        StringBuilder b = lineBuffer;
        b.setLength(0);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) b.append(',');
            csv(b, cells[i]);
        }
        b.append('\n');
        try {
            out.append(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** yyyy-MM-dd by its shape (checked per row, so no regular expression). */
    static boolean isoDate(String t) {
        if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') return false;
        for (int i = 0; i < 10; i++) if (i != 4 && i != 7 && (t.charAt(i) < '0' || t.charAt(i) > '9')) return false;
        return true;
    }

    /**
     * Dates as yyyy-MM-dd whatever the driver's type; text trimmed, line breaks (never valid in a payment) as spaces.
     * Dates and decimals go through the driver's objects: its text (getString) decodes every value into a new String,
     * which profiled slower than the driver's own parsing from bytes.
     */
    private static String cell(ResultSet rs, int i, int type) throws SQLException {
        if (type == java.sql.Types.VARCHAR || type == java.sql.Types.CHAR) {
            String t = rs.getString(i);
            return t == null ? "" : text(t);
        }
        Object o = rs.getObject(i);
        if (o == null) return "";
        if (o instanceof java.sql.Date d) return d.toLocalDate().toString();
        if (o instanceof java.sql.Timestamp t) return t.toLocalDateTime().toLocalDate().toString();
        if (o instanceof java.time.LocalDateTime ldt) return ldt.toLocalDate().toString();
        if (o instanceof java.math.BigDecimal b) return b.toPlainString();
        return text(o.toString());
    }

    private static String text(String s) {
        String t = s.strip();
        return t.indexOf('\n') < 0 && t.indexOf('\r') < 0 ? t : t.replace('\r', ' ').replace('\n', ' ');
    }

    private static void csv(StringBuilder b, String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0) b.append(s);
        else b.append('"').append(s.replace("\"", "\"\"")).append('"');
    }

    Path file() { return file; }

    /** Rows read from the source (a continued month's earlier rows not counted). */
    long rows() { return rows; }

    /** Greatest voucher id read (the watermark column), null when not mapped or nothing read. */
    Long lastVoucher() { return lastVoucher; }

    /** Latest payment date read (the watermark after a successful run); null when no row had a valid date. */
    LocalDate latest() { return latest == null ? null : LocalDate.parse(latest); }

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
            // file line → result row; a continued month's earlier rows come first and are not result rows
            long line = f.row() - 1 - baseRows;
            int row = line > 0 ? (int) line : 0;
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
