package cn.sanbao.engine;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of indicator values written as in mathematics: "[1.5, +inf)", "[1.2, 1.5)", "(-inf, 0)",
 * "[0, 0]". A bracket includes its edge, a parenthesis excludes it; a missing bound is infinite.
 */
public record Interval(BigDecimal lower, boolean lowerInclusive, BigDecimal upper, boolean upperInclusive) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*([\\[(])\\s*([^,]*?)\\s*,\\s*([^,]*?)\\s*([\\])])\\s*");

    public Interval {
        if (lower != null && upper != null) {
            int c = lower.compareTo(upper);
            if (c > 0 || (c == 0 && !(lowerInclusive && upperInclusive)))
                throw new IllegalArgumentException("区间下限必须小于上限（单点区间两端都须为闭区间）");
        }
        if (lower == null) lowerInclusive = false;
        if (upper == null) upperInclusive = false;
    }

    public static Interval parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text);
        if (!m.matches())
            throw new IllegalArgumentException("区间“" + text + "”格式错误，应如 [1.2, 1.5) 或 [1.5, +inf)");
        BigDecimal lo = bound(m.group(2), text);
        BigDecimal hi = bound(m.group(3), text);
        return new Interval(lo, m.group(1).equals("["), hi, m.group(4).equals("]"));
    }

    private static BigDecimal bound(String s, String text) {
        String t = s.replace("∞", "inf").toLowerCase();
        if (t.equals("-inf") || t.equals("+inf") || t.equals("inf")) return null;
        try {
            return new BigDecimal(t.endsWith("%") ? t.substring(0, t.length() - 1) : t)
                    .movePointLeft(t.endsWith("%") ? 2 : 0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("区间“" + text + "”的边界“" + s + "”不是数字");
        }
    }

    public boolean contains(BigDecimal v) {
        if (lower != null) {
            int c = v.compareTo(lower);
            if (c < 0 || (c == 0 && !lowerInclusive)) return false;
        }
        if (upper != null) {
            int c = v.compareTo(upper);
            if (c > 0 || (c == 0 && !upperInclusive)) return false;
        }
        return true;
    }

    /** True when some value lies in both intervals. */
    public boolean overlaps(Interval o) {
        return below(this, o) == false && below(o, this) == false;
    }

    /** a lies entirely below b. */
    private static boolean below(Interval a, Interval b) {
        if (a.upper == null || b.lower == null) return false;
        int c = a.upper.compareTo(b.lower);
        return c < 0 || (c == 0 && !(a.upperInclusive && b.lowerInclusive));
    }

    @Override public String toString() {
        return (lowerInclusive ? "[" : "(") + (lower == null ? "-inf" : lower.toPlainString()) + ", "
                + (upper == null ? "+inf" : upper.toPlainString()) + (upperInclusive ? "]" : ")");
    }
}
