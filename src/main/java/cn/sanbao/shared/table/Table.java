package cn.sanbao.shared.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A titled table of text and numbers, written the same way to a screen, an Excel sheet, a PDF or a DOCX.
 * Cells are {@link String}, {@link BigDecimal}, {@link Number} or null (empty); a column's kind says how a
 * number is shown. Amounts are put in already converted to 万元 (see {@link cn.sanbao.kernel.Money#toWan}).
 */
public record Table(String title, List<Column> columns, List<List<Object>> rows, String note) {

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public enum Kind {
        /** Text as it is. */
        TEXT(null, null),
        /** A whole number (counts, ranks). */
        INTEGER("#,##0", 0),
        /** Points and ratios, two decimals. */
        DECIMAL("#,##0.00", 2),
        /** An amount in 万元, two decimals. */
        WAN("#,##0.00", 2),
        /** An amount in 元, two decimals (where the screen shows 元, e.g. single payments and plans to the cent). */
        YUAN("#,##0.00", 2),
        /** A percentage already multiplied by 100, one decimal. */
        PERCENT("0.0", 1);

        private final String excelFormat;
        private final Integer decimals;

        Kind(String excelFormat, Integer decimals) {
            this.excelFormat = excelFormat;
            this.decimals = decimals;
        }

        public String excelFormat() {
            return excelFormat;
        }

        public Integer decimals() {
            return decimals;
        }
    }

    public record Column(String header, Kind kind) {

        public static Column text(String header) {
            return new Column(header, Kind.TEXT);
        }

        public static Column of(String header, Kind kind) {
            return new Column(header, kind);
        }

        public boolean numeric() {
            return kind != Kind.TEXT;
        }
    }

    /** The cell as shown on screen and in documents: numbers grouped with the column's decimals, "—" for none. */
    public String display(int row, int column) {
        return display(rows.get(row).get(column), columns.get(column).kind());
    }

    public static String display(Object value, Kind kind) {
        if (value == null) return kind == Kind.TEXT ? "" : "—";
        if (value instanceof Number n && kind != Kind.TEXT) {
            BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
            return cn.sanbao.kernel.Money.grouped(d, kind.decimals());
        }
        return value.toString();
    }

    /** Builds a table row by row. */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    public static final class Builder {
        private final String title;
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();
        private String note;

        private Builder(String title) {
            this.title = title;
        }

        public Builder column(String header, Kind kind) {
            columns.add(new Column(header, kind));
            return this;
        }

        public Builder text(String header) {
            return column(header, Kind.TEXT);
        }

        public Builder row(Object... cells) {
            if (cells.length != columns.size())
                throw new IllegalArgumentException("表“" + title + "”一行应有 " + columns.size() + " 格，实有 " + cells.length);
            rows.add(java.util.Arrays.asList(cells));
            return this;
        }

        public Builder note(String note) {
            this.note = note;
            return this;
        }

        public Table build() {
            return new Table(title, columns, rows, note);
        }
    }
}
