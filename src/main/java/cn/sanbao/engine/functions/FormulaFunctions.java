package cn.sanbao.engine.functions;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The only functions a formula may call. This package holds nothing else, because the sandbox
 * grants formulas access to exactly this package.
 */
public final class FormulaFunctions {

    private FormulaFunctions() {
    }

    public static BigDecimal max(Number a, Number b) {
        return dec(a).max(dec(b));
    }

    public static BigDecimal min(Number a, Number b) {
        return dec(a).min(dec(b));
    }

    public static BigDecimal abs(Number a) {
        return dec(a).abs();
    }

    /** Half up to n decimals, as Excel's ROUND: round(2.345, 2) = 2.35, round(-2.345, 2) = -2.35. */
    public static BigDecimal round(Number a, Number decimals) {
        int n = dec(decimals).intValueExact();
        if (n < 0 || n > 10) throw new ArithmeticException("round 的小数位数应为 0 到 10");
        return dec(a).setScale(n, RoundingMode.HALF_UP);
    }

    public static BigDecimal floor(Number a) {
        return dec(a).setScale(0, RoundingMode.FLOOR);
    }

    public static BigDecimal ceil(Number a) {
        return dec(a).setScale(0, RoundingMode.CEILING);
    }

    static BigDecimal dec(Number n) {
        return n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
    }
}
