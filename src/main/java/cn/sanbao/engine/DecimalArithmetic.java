package cn.sanbao.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.commons.jexl3.JexlArithmetic;

/**
 * Turns every number into BigDecimal before arithmetic, so 0.1 + 0.2 is 0.3 and money stays exact.
 * Operands are not rounded between operations (math scale -1): every step keeps 34 significant
 * digits and only the indicator value is rounded, once, to {@link ScoringEngine#VALUE_SCALE}
 * decimals. Rounding each operand to 10 decimals made paid ÷ (budget × 2/12) for a unit exactly on
 * schedule come out as 0.9999999998 and fall into the band below 100 %.
 */
final class DecimalArithmetic extends JexlArithmetic {

    DecimalArithmetic() {
        super(true, MathContext.DECIMAL128, -1);
    }

    private static Object dec(Object o) {
        return o instanceof Number n && !(o instanceof BigDecimal) ? new BigDecimal(n.toString()) : o;
    }

    @Override public Object add(Object l, Object r) { return super.add(dec(l), dec(r)); }
    @Override public Object subtract(Object l, Object r) { return super.subtract(dec(l), dec(r)); }
    @Override public Object multiply(Object l, Object r) { return super.multiply(dec(l), dec(r)); }
    @Override public Object divide(Object l, Object r) { return super.divide(dec(l), dec(r)); }
    @Override public Object mod(Object l, Object r) { return super.mod(dec(l), dec(r)); }
    @Override public Object negate(Object o) { return super.negate(dec(o)); }
}
