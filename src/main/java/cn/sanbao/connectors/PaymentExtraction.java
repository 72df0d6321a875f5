package cn.sanbao.connectors;

import cn.sanbao.intake.Finding;
import cn.sanbao.intake.IntakeRejectedException;
import cn.sanbao.intake.Location;
import cn.sanbao.intake.PaymentRepository;
import cn.sanbao.intake.PaymentRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A payment-detail query as rows for the payment import ({@link PaymentRows}), so the import's own checks, two passes
 * and COPY write apply unchanged (this module never writes payment tables). The import reads the result on its reading
 * thread while it checks the rows already read; nothing is written to a file in between. Result row n is the import's
 * line n+1; {@link #translate} turns its findings back into query, row and source column. Continuing a month (a
 * {@link Continuation}), only vouchers after the watermark id are read from the source, and once the first of them
 * arrives the rows the platform already holds go first: the platform replaces a unit-month as a whole, the source is
 * read once, and no new voucher means no import at all.
 */
final class PaymentExtraction implements PaymentRows {

    private final Connector.Query query;
    private final Map<String, String> unitCodes;
    private final SourceReader source;
    private final SourceReader.Params params;
    private final String connectorFile;
    private final Continuation from;
    // written on the import's reading thread, read by the caller after the import returned or failed
    private final List<List<String>> preview = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile long rows;
    private volatile long baseRows;
    private volatile String latest;
    private volatile Long lastVoucher;

    /** The month so far: the voucher id read up to, and the platform's rows of that month (fed to the given sink). */
    record Continuation(long afterVoucher, Consumer<Consumer<PaymentRepository.Payment>> rows) {
    }

    /** The source could not be read as mapped; the refusal already names connector and query (not a finding to translate). */
    static final class SourceFailed extends RuntimeException {
        final IntakeRejectedException refusal;

        SourceFailed(IntakeRejectedException refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    /** The source returned no row (continuing: no voucher after the watermark); the import stops before storing anything. */
    static final class NothingRead extends RuntimeException {
        NothingRead() {
            super("没有读取到支付明细", null, false, false);
        }
    }

    PaymentExtraction(Connector.Query query, Map<String, String> unitCodes, SourceReader source, SourceReader.Params params,
                      String connectorFile, Continuation from) {
        this.query = query;
        this.unitCodes = unitCodes;
        this.source = source;
        this.params = params;
        this.connectorFile = connectorFile;
        this.from = from;
    }

    /** The result (continuing: the month's earlier rows, then the vouchers after the watermark); SQL problems become {@link SourceFailed}. */
    @Override
    public void forEach(Sink sink) {
        String[] sourceCols = COLUMNS.stream().map(c -> query.columns().get(c)).toArray(String[]::new);
        List<String> required = new ArrayList<>(Arrays.stream(sourceCols).filter(java.util.Objects::nonNull).toList());
        String voucher = query.columns().get("watermark");
        if (voucher != null) required.add(voucher);
        String sql = query.sql();
        SourceReader.Params bound = params;
        try {
            if (from != null) {
                if (!voucher.matches("[A-Za-z_][A-Za-z0-9_]*"))
                    throw new SourceReader.Refused("水位线列名“" + voucher + "”只能由字母、数字和下划线组成");
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
                    // the month's earlier rows first, as a whole read would give them: the same content hashes the same
                    if (from != null) from.rows().accept(p -> {
                        baseRows++;
                        sink.row(base(p));
                    });
                }
                sink.row(row(rs, idx, types));
                if (voucherIdx[0] > 0) {
                    long v = rs.getLong(voucherIdx[0]);
                    if (!rs.wasNull() && (lastVoucher == null || v > lastVoucher)) lastVoucher = v;
                }
            });
        } catch (SourceReader.Refused e) {
            throw new SourceFailed(IntakeRejectedException.of(connectorFile, new Location(null, 0, ItemExtraction.where(query)), e.getMessage()));
        } catch (SQLException | org.springframework.dao.DataAccessException e) {
            throw new SourceFailed(IntakeRejectedException.of(connectorFile, new Location(null, 0, ItemExtraction.where(query)),
                    "查询执行失败：" + SourceErrors.reason(e)));
        }
        if (rows == 0) throw new NothingRead();
    }

    /** A row the platform already holds (its codes are platform codes already). */
    private static String[] base(PaymentRepository.Payment p) {
        return new String[] {p.unitCode(), p.payDate().toString(), p.amount().toPlainString(), p.functionCode(), p.economicCode(),
                p.projectCode() == null ? "" : p.projectCode(), p.agency() == null ? "" : p.agency()};
    }

    private String[] row(ResultSet rs, int[] idx, int[] types) throws SQLException {
        String[] cells = new String[idx.length];
        for (int i = 0; i < idx.length; i++) cells[i] = idx[i] == 0 ? "" : cell(rs, idx[i], types[i]);
        cells[0] = unitCodes.getOrDefault(cells[0], cells[0]);
        rows++;
        if (preview.size() < ItemExtraction.PREVIEW) preview.add(Arrays.asList(cells.clone()));
        // ISO dates order as text: keep the greatest, parse once at the end (a bad date is reported by the import)
        if (isoDate(cells[1]) && (latest == null || cells[1].compareTo(latest) > 0)) latest = cells[1];
        return cells;
    }

    /** yyyy-MM-dd by its shape (checked per row, so no regular expression). */
    static boolean isoDate(String t) {
        if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') return false;
        for (int i = 0; i < 10; i++) if (i != 4 && i != 7 && (t.charAt(i) < '0' || t.charAt(i) > '9')) return false;
        return true;
    }

    /**
     * Dates as yyyy-MM-dd whatever the driver's type; text trimmed.
     * Dates and decimals go through the driver's objects: its text (getString) decodes every value into a new String,
     * which profiled slower than the driver's own parsing from bytes.
     */
    private static String cell(ResultSet rs, int i, int type) throws SQLException {
        if (type == java.sql.Types.VARCHAR || type == java.sql.Types.CHAR) {
            String t = rs.getString(i);
            return t == null ? "" : text(t);
        }
        if (type == java.sql.Types.DATE) {
            // straight to LocalDate: a java.sql.Date goes through a Calendar and the time zone for every value
            LocalDate d = rs.getObject(i, LocalDate.class);
            return d == null ? "" : d.toString();
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
        return s.strip(); // a line break inside is made a space by the import
    }

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
            // import line → result row; a continued month's earlier rows come first and are not result rows
            long line = f.row() - 1 - baseRows;
            int row = line > 0 ? (int) line : 0;
            String at = ItemExtraction.where(query) + (column == null ? "" : " " + column);
            out.add(new Finding(connectorFile, null, row, at, f.reason()));
        }
        return new IntakeRejectedException(out, Math.max(0, e.total() - out.size()));
    }
}
