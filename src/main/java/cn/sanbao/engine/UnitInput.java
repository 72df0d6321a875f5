package cn.sanbao.engine;

import java.math.BigDecimal;
import java.util.Map;

/** What the engine reads for one unit and period: data item values by item code. Absent = missing. */
public record UnitInput(String unitCode, Period period, Map<String, BigDecimal> values) {
}
