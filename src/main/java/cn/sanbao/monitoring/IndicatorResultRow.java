package cn.sanbao.monitoring;

import java.math.BigDecimal;

public record IndicatorResultRow(long runId, String unitCode, String indicatorCode, String groupCode,
                                 BigDecimal indicatorValue, BigDecimal points, BigDecimal maxPoints, String band,
                                 String status) {
}
