package cn.sanbao.intake;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text stream, like BufferedReader.readLine but never holding more than max characters of one
 * line: a longer line is skipped to its end and reported as {@link #TOO_LONG}, so a file without line
 * breaks costs a constant amount of memory.
 */
final class BoundedLines {

    /** Returned (by identity) instead of a line longer than the limit. */
    static final String TOO_LONG = new String("<too long>");

    private final Reader in;
    private final int max;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int end;
    private final StringBuilder line = new StringBuilder();

    BoundedLines(Reader in, int max) {
        this.in = in;
        this.max = max;
    }

    /** The next line without its terminator (\n, \r\n or \r), TOO_LONG, or null at the end. */
    String next() throws IOException {
        line.setLength(0);
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return any ? (tooLong ? TOO_LONG : line.toString()) : null;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buf[pos] != '\n' && buf[pos] != '\r') pos++;
            if (!tooLong) {
                if (line.length() + (pos - start) > max) tooLong = true;
                else line.append(buf, start, pos - start);
            }
            if (pos < end) {
                char c = buf[pos++];
                if (c == '\r') {
                    if (pos == end) {
                        end = in.read(buf, 0, buf.length);
                        pos = 0;
                        if (end < 0) end = 0;
                    }
                    if (pos < end && buf[pos] == '\n') pos++;
                }
                return tooLong ? TOO_LONG : line.toString();
            }
        }
    }
}
