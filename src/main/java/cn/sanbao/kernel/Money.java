package cn.sanbao.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Money is stored in 元 with two decimals; screens and reports show 万元 by default. */
public final class Money {

    /** 元 in one 万元. */
    public static final BigDecimal YUAN_PER_WAN = new BigDecimal("10000");

    /** What the money columns and tables say the unit is. */
    public static final String WAN_UNIT = "万元";

    private Money() {
    }

    /** 元 → 万元, two decimals, HALF_UP (the rounding finance reports use). */
    public static BigDecimal toWan(BigDecimal yuan) {
        return yuan.divide(YUAN_PER_WAN, 2, RoundingMode.HALF_UP);
    }

    /** "12,345.67" for an amount in 元 shown in 万元; "—" for no value. */
    public static String wan(BigDecimal yuan) {
        return yuan == null ? "—" : grouped(toWan(yuan), 2);
    }

    /** As {@link #toWan}; no value stays null (an empty cell). */
    public static BigDecimal toWanOrNull(BigDecimal yuan) {
        return yuan == null ? null : toWan(yuan);
    }

    /** "12,345.67" for an amount shown in 元 (to the cent); "—" for no value. */
    public static String yuan(BigDecimal yuan) {
        return yuan == null ? "—" : grouped(yuan, 2);
    }

    /** 元 → 万元 exactly (no rounding), for form fields and thresholds that must round-trip. */
    public static BigDecimal exactWan(BigDecimal yuan) {
        return yuan.movePointLeft(4);
    }

    /** 万元 → 元 to the cent; the caller has checked there are at most six decimals. */
    public static BigDecimal fromWan(BigDecimal wan) {
        return wan.movePointRight(4).setScale(2);
    }

    public static String grouped(BigDecimal v, int decimals) {
        DecimalFormat f = new DecimalFormat(decimals > 0 ? "#,##0." + "0".repeat(decimals) : "#,##0",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v);
    }
}
