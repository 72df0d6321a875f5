package cn.sanbao.intake;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@link PaymentRows} as a payment source. While the rows pass, each is hashed as the line it would be in a UTF-8
 * CSV file with {@link PaymentRows#COLUMNS} as header, so a revision's SHA-256 is the same whether the rows came as
 * that file or straight from a connector, and an unchanged extraction is recognised as a duplicate. Where the second
 * pass must read the rows again (no COPY), they are also kept in a temporary file of exactly those lines.
 */
final class RowsSource implements PaymentSource, AutoCloseable {

    private final PaymentRows rows;
    private final String name;
    private final Path kept;
    private String hash;
    private boolean read;

    RowsSource(PaymentRows rows, String name, boolean keep) {
        this.rows = rows;
        this.name = name;
        try {
            this.kept = keep ? Files.createTempFile("sanbao-payment-rows-", ".csv") : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void forEach(RowVisitor visitor) throws IOException {
        if (read) {
            if (kept == null) throw new IllegalStateException("支付明细行只能读取一次");
            new Csv(kept, name, new CsvGridReader.Encoding(StandardCharsets.UTF_8, 0)).forEach(visitor);
            return;
        }
        MessageDigest digest = sha256();
        try (OutputStream out = kept == null ? OutputStream.nullOutputStream() : new BufferedOutputStream(Files.newOutputStream(kept), 1 << 16)) {
            Lines lines = new Lines(digest, out);
            String[] header = PaymentRows.COLUMNS.toArray(String[]::new);
            lines.add(header);
            visitor.row(1, header);
            long[] line = {1};
            rows.forEach(cells -> {
                line[0]++;
                for (int i = 0; i < cells.length; i++) cells[i] = oneLine(cells[i]);
                if (lines.add(cells) > MAX_LINE_CHARS) {
                    throw IntakeRejectedException.of(name, new Location(null, (int) Math.min(line[0], Integer.MAX_VALUE), null),
                            "此行超过 " + MAX_LINE_CHARS + " 个字符（支付明细每行只有几列），不是支付明细");
                }
                visitor.row(line[0], cells);
            });
        }
        hash = HexFormat.of().formatHex(digest.digest());
        read = true;
    }

    @Override
    public String column(long line, int col) { return "第" + (col + 1) + "列"; }

    /** SHA-256 of the rows as a CSV file; known once the rows have been read. */
    String hash() {
        if (hash == null) throw new IllegalStateException("支付明细行尚未读完");
        return hash;
    }

    /** A payment cell has no line breaks; the file layout would split the row. */
    private static String oneLine(String s) {
        if (s == null) return "";
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replace('\r', ' ').replace('\n', ' ');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds each CSV line in reused buffers (millions of rows) and feeds its UTF-8 bytes to the digest and the file. */
    private static final class Lines {
        private final MessageDigest digest;
        private final OutputStream out;
        // as a file writer would: a lone surrogate becomes '?'
        private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final StringBuilder text = new StringBuilder(256);
        private char[] chars = new char[256];
        private ByteBuffer bytes = ByteBuffer.allocate(1024);

        Lines(MessageDigest digest, OutputStream out) {
            this.digest = digest;
            this.out = out;
        }

        /** Adds one line; returns its length in characters. */
        int add(String[] cells) {
            StringBuilder b = text;
            b.setLength(0);
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) b.append(',');
                String s = cells[i];
                if (s.indexOf(',') < 0 && s.indexOf('"') < 0) b.append(s);
                else b.append('"').append(s.replace("\"", "\"\"")).append('"');
            }
            b.append('\n');
            int n = b.length();
            if (chars.length < n) chars = new char[n * 2];
            if (bytes.capacity() < n * 4) bytes = ByteBuffer.allocate(n * 8);
            b.getChars(0, n, chars, 0);
            bytes.clear();
            utf8.reset();
            utf8.encode(CharBuffer.wrap(chars, 0, n), bytes, true);
            utf8.flush(bytes);
            digest.update(bytes.array(), 0, bytes.position());
            try {
                out.write(bytes.array(), 0, bytes.position());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return n - 1;
        }
    }

    @Override
    public void close() {
        try {
            if (kept != null) Files.deleteIfExists(kept);
        } catch (IOException ignored) {
            // a leftover temp file is removed with the temp directory
        }
    }
}
