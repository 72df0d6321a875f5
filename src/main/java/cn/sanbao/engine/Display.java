package cn.sanbao.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Plain-language number formatting for explanations. */
public final class Display {

    private Display() {
    }

    /** Formats an indicator value: "percent" → 92.50%, "multiple" → 1.32 倍, otherwise 4 decimals. */
    public static String value(BigDecimal v, String format) {
        if (v == null) return "—";
        if ("percent".equals(format)) return percent(v);
        if ("multiple".equals(format)) return v.setScale(2, RoundingMode.HALF_UP).toPlainString() + " 倍";
        return v.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    public static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }
}
