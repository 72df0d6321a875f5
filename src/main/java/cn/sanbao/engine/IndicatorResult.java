package cn.sanbao.engine;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One indicator for one unit and period, with everything needed to explain it: the data items read,
 * the formula, the value, the band it fell in, the share of the weight earned and the points.
 */
public record IndicatorResult(
        String code,
        String name,
        String groupCode,
        String formula,
        Map<String, BigDecimal> inputs,
        BigDecimal value,
        Status status,
        String band,
        String level,
        BigDecimal share,
        BigDecimal points,
        BigDecimal weight,
        String explanation) {

    public enum Status {
        OK("正常"), MISSING("数据缺失"), INVALID("无法计算");

        private final String label;
        Status(String label) { this.label = label; }
        public String label() { return label; }
    }

    /** Points lost against the full weight: what pulls the total down. */
    public BigDecimal lost() {
        return weight.subtract(points);
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
