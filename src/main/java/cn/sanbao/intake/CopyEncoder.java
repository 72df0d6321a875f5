package cn.sanbao.intake;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Encodes payment rows straight into PostgreSQL COPY text-format bytes. A file repeats the same units, codes,
 * dates and agencies millions of times, so their encoded bytes are cached instead of re-escaped per row.
 * Rows are encoded from line_no on; the revision column is put in front when they are sent ({@link GroupedSpill}).
 */
final class CopyEncoder {

    private static final int MAX_CACHED = 50_000;
    private static final byte[] NULL = {'\\', 'N'};

    private final byte[] periodBytes;
    private final byte[][] pillars = new byte[PaymentClass.values().length][];
    private final Map<String, byte[]> strings = new HashMap<>();
    private final Map<LocalDate, byte[]> dates = new HashMap<>();

    CopyEncoder(String period) {
        this.periodBytes = escape(period);
        for (PaymentClass p : PaymentClass.values()) pillars[p.ordinal()] = p.name().getBytes(StandardCharsets.US_ASCII);
    }

    /** Appends one row (without revision_id) ending in a newline. */
    void add(Bytes out, PaymentRow r, PaymentClass pillar) {
        out.put(Long.toString(r.line()).getBytes(StandardCharsets.US_ASCII)).tab();
        out.put(periodBytes).tab();
        out.put(text(r.unitCode())).tab();
        out.put(dates.computeIfAbsent(r.payDate(), d -> d.toString().getBytes(StandardCharsets.US_ASCII))).tab();
        out.put(r.amount().toPlainString().getBytes(StandardCharsets.US_ASCII)).tab();
        out.put(text(r.functionCode())).tab();
        out.put(text(r.economicCode())).tab();
        out.put(text(r.projectCode())).tab();
        out.put(text(r.agency())).tab();
        out.put(pillars[pillar.ordinal()]).put('\n');
    }

    private byte[] text(String v) {
        if (v == null) return NULL;
        byte[] b = strings.get(v);
        if (b == null) {
            b = escape(v);
            if (strings.size() < MAX_CACHED) strings.put(v, b);
        }
        return b;
    }

    /** COPY text format: backslash, tab, newline and carriage return escaped. */
    static byte[] escape(String v) {
        StringBuilder sb = null;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            String rep = switch (ch) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (rep != null && sb == null) sb = new StringBuilder(v.length() + 8).append(v, 0, i);
            if (sb != null) {
                if (rep != null) sb.append(rep);
                else sb.append(ch);
            }
        }
        return (sb == null ? v : sb.toString()).getBytes(StandardCharsets.UTF_8);
    }

    /** A growable byte buffer. */
    static final class Bytes {
        byte[] buf;
        int len;

        Bytes(int capacity) { buf = new byte[capacity]; }

        Bytes put(byte[] b) {
            return put(b, 0, b.length);
        }

        Bytes put(byte[] b, int from, int n) {
            ensure(n);
            System.arraycopy(b, from, buf, len, n);
            len += n;
            return this;
        }

        Bytes put(char ascii) {
            ensure(1);
            buf[len++] = (byte) ascii;
            return this;
        }

        Bytes tab() { return put('\t'); }

        private void ensure(int more) {
            if (len + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
