package cn.sanbao.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Plain-language number formatting for explanations. */
public final class Display {

    private Display() {
    }

    /** Formats an indicator value: "percent" → 92.5%, "multiple" → 1.32 倍, otherwise up to 4 decimals. */
    public static String value(BigDecimal v, String format) {
        return value(v, format, null);
    }

    /**
     * Formats a value so that the number shown lies in the same band as the value itself: 0.99996 in
     * [0.9, 1) shows as 99.996%, never as a misleading 100%.
     */
    public static String value(BigDecimal v, String format, Interval band) {
        if (v == null) return "—";
        for (int extra = 0; extra < 6; extra++) {
            BigDecimal shown = rounded(v, format, extra);
            if (band == null || band.contains(shown)) return text(shown, format);
        }
        return text(v, format);
    }

    private static BigDecimal rounded(BigDecimal v, String format, int extra) {
        if ("percent".equals(format)) return v.setScale(4 + extra, RoundingMode.HALF_UP);
        if ("multiple".equals(format)) return v.setScale(2 + extra, RoundingMode.HALF_UP);
        return v.setScale(4 + extra, RoundingMode.HALF_UP);
    }

    private static String text(BigDecimal shown, String format) {
        if ("percent".equals(format)) return percent(shown);
        if ("multiple".equals(format)) return shown.toPlainString() + " 倍";
        return shown.stripTrailingZeros().toPlainString();
    }

    public static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
