package cn.sanbao.kernel;

import java.math.BigDecimal;

/** TEMPORARY copy of the contract type (cash-core moves it here); dropped at the merge. */
public record CashBand(BigDecimal low, BigDecimal high) {

    public static final CashBand DEFAULT = new CashBand(new BigDecimal("0.3"), new BigDecimal("0.8"));

    public String label(BigDecimal level) {
        if (level == null) return "无法计算";
        if (level.compareTo(low) < 0) return "预警";
        return level.compareTo(high) > 0 ? "闲置" : "正常";
    }
}
