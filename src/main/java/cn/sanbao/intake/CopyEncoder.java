package cn.sanbao.intake;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Encodes payment rows straight into PostgreSQL COPY text-format bytes. A file repeats the same units, codes,
 * dates and agencies millions of times, so their encoded bytes are cached instead of re-escaped per row.
 */
final class CopyEncoder {

    private static final int MAX_CACHED = 50_000;
    private static final byte[] NULL = {'\\', 'N'};

    private final byte[] prefix;
    private final byte[] periodBytes;
    private final byte[][] pillars = new byte[Pillar.values().length][];
    private final Map<String, byte[]> strings = new HashMap<>();
    private final Map<LocalDate, byte[]> dates = new HashMap<>();
    private byte[] buf = new byte[1 << 20];
    private int len;

    CopyEncoder(long revision, String period) {
        this.prefix = (revision + "\t").getBytes(StandardCharsets.US_ASCII);
        this.periodBytes = escape(period);
        for (Pillar p : Pillar.values()) pillars[p.ordinal()] = p.name().getBytes(StandardCharsets.US_ASCII);
    }

    void add(PaymentRow r, Pillar pillar) {
        put(prefix);
        number(r.line());
        tab();
        put(periodBytes);
        tab();
        put(text(r.unitCode()));
        tab();
        put(dates.computeIfAbsent(r.payDate(), d -> d.toString().getBytes(StandardCharsets.US_ASCII)));
        tab();
        put(r.amount().toPlainString().getBytes(StandardCharsets.US_ASCII));
        tab();
        put(text(r.functionCode()));
        tab();
        put(text(r.economicCode()));
        tab();
        put(text(r.projectCode()));
        tab();
        put(text(r.agency()));
        tab();
        put(pillars[pillar.ordinal()]);
        ensure(1);
        buf[len++] = '\n';
    }

    int length() { return len; }

    /** Hands the filled buffer over and starts a fresh one (the old one goes to the writer thread). */
    byte[] take() {
        byte[] out = Arrays.copyOf(buf, len);
        len = 0;
        return out;
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

    private void number(long n) {
        put(Long.toString(n).getBytes(StandardCharsets.US_ASCII));
    }

    private void tab() {
        ensure(1);
        buf[len++] = '\t';
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    private void ensure(int more) {
        if (len + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
}
