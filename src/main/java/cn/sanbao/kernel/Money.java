package cn.sanbao.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Money is stored in 元 with two decimals; screens and reports show 万元 by default. */
public final class Money {

    private static final BigDecimal TEN_THOUSAND = new BigDecimal("10000");

    private Money() {
    }

    /** 元 → 万元, two decimals, HALF_UP (the rounding finance reports use). */
    public static BigDecimal toWan(BigDecimal yuan) {
        return yuan.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP);
    }

    /** "12,345.67" for an amount in 元 shown in 万元; "—" for no value. */
    public static String wan(BigDecimal yuan) {
        return yuan == null ? "—" : grouped(toWan(yuan), 2);
    }

    public static String grouped(BigDecimal v, int decimals) {
        DecimalFormat f = new DecimalFormat(decimals > 0 ? "#,##0." + "0".repeat(decimals) : "#,##0",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v);
    }
}
