package cn.sanbao.engine.functions;

import java.math.BigDecimal;

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

    static BigDecimal dec(Number n) {
        return n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
    }
}
