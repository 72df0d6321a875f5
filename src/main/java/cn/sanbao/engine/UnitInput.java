package cn.sanbao.engine;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What the engine reads for one unit and period: data item values by item code (absent = missing), and
 * whether the unit is consolidated (全市、全区: its values are sums of its members), which decides the
 * overrides that apply.
 */
public record UnitInput(String unitCode, Period period, Map<String, BigDecimal> values, boolean consolidated) {

    /** A budget unit. */
    public UnitInput(String unitCode, Period period, Map<String, BigDecimal> values) {
        this(unitCode, period, values, false);
    }
}
