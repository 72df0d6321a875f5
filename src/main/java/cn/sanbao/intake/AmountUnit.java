package cn.sanbao.intake;

import cn.sanbao.kernel.Money;
import java.math.BigDecimal;

/** The money unit a file states; values are converted exactly to 元 on import. */
public enum AmountUnit {
    YUAN("元", BigDecimal.ONE),
    WAN(Money.WAN_UNIT, Money.YUAN_PER_WAN);

    private final String label;
    private final BigDecimal factor;

    AmountUnit(String label, BigDecimal factor) {
        this.label = label;
        this.factor = factor;
    }

    public String label() { return label; }

    /** Exact value in 元 (no rounding: the caller rejects results with more than two decimals). */
    public BigDecimal toYuan(BigDecimal value) { return value.multiply(factor); }

    /** Parses "元"/"万元" (also YUAN/WAN); null when unknown. */
    public static AmountUnit parse(String text) {
        if (text == null) return null;
        String t = text.trim();
        for (AmountUnit u : values()) if (u.label.equals(t) || u.name().equalsIgnoreCase(t)) return u;
        return null;
    }
}
