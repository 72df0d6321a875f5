package cn.sanbao.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.commons.jexl3.JexlArithmetic;

/** Turns every number into BigDecimal before arithmetic, so 0.1 + 0.2 is 0.3 and money stays exact. */
final class DecimalArithmetic extends JexlArithmetic {

    DecimalArithmetic() {
        super(true, MathContext.DECIMAL128, 10);
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
