package cn.sanbao.kernel;

import java.math.BigDecimal;

/**
 * The safe band of 库款保障水平 (SPEC §4): below {@code low} 预警, {@code low}–{@code high} 正常, above
 * {@code high} 闲置. Defaults 0.3 and 0.8 months of average outflow.
 */
public record CashBand(BigDecimal low, BigDecimal high) {

    public static final CashBand DEFAULT = new CashBand(new BigDecimal("0.3"), new BigDecimal("0.8"));

    public CashBand {
        if (low.signum() < 0 || high.compareTo(low) <= 0) throw new IllegalArgumentException("库款保障水平安全区间须满足 0 ≤ 下限 < 上限");
    }

    /** 预警 / 正常 / 闲置 for a level; null level (no outflow) gives 无法计算. */
    public String label(BigDecimal level) {
        if (level == null) return "无法计算";
        if (level.compareTo(low) < 0) return "预警";
        return level.compareTo(high) > 0 ? "闲置" : "正常";
    }
}
