package cn.sanbao.shared;

import java.io.Closeable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way this application writes CSV: RFC 4180 quoting (commas, quotes, line breaks) by commons-csv, and
 * every text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) prefixed with an
 * apostrophe. Plain numbers such as -12.50 stay numbers. {@link CsvFile} strips the apostrophe again on reading,
 * so an exported file re-imports unchanged.
 */
public final class CsvWriter implements Closeable {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final String FORMULA_START = "=+-@\t\r";

    private final CSVPrinter printer;

    public CsvWriter(Writer out) {
        try {
            this.printer = new CSVPrinter(out, CSVFormat.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one record; null is an empty cell, other values are written as their text. */
    public CsvWriter row(Iterable<?> cells) {
        List<String> safe = new ArrayList<>();
        for (Object c : cells) safe.add(cell(c == null ? null : c.toString()));
        try {
            printer.printRecord(safe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CsvWriter row(Object... cells) {
        return row(java.util.Arrays.asList(cells));
    }

    /** A cell a spreadsheet shows as text: formula-like text gets a leading apostrophe. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) return "";
        if (FORMULA_START.indexOf(value.charAt(0)) >= 0 && !NUMBER.matcher(value).matches()) return "'" + value;
        return value;
    }

    /** Undoes {@link #cell} for a cell read back from a file this application wrote. */
    public static String restore(String value) {
        if (value != null && value.length() > 1 && value.charAt(0) == '\'' && FORMULA_START.indexOf(value.charAt(1)) >= 0)
            return value.substring(1);
        return value;
    }

    /** A whole small file as text: header, then rows. */
    public static String text(List<String> header, List<? extends List<?>> rows) {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = new CsvWriter(out)) {
            csv.row(header);
            rows.forEach(csv::row);
        }
        return out.toString();
    }

    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
