package cn.sanbao.monitoring;

import java.math.BigDecimal;

/** How far one indicator's points moved between two periods. */
public record IndicatorMove(String code, String name, BigDecimal previousPoints, BigDecimal points,
                            BigDecimal previousValue, BigDecimal value) {

    public BigDecimal change() {
        return points.subtract(previousPoints);
    }
}
