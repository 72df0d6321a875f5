package cn.sanbao.engine;

import cn.sanbao.kernel.Period;
import java.math.BigDecimal;
import java.util.Map;

/**
 * What the engine reads for one unit and period: data item values by item code (absent = missing), and
 * whether the unit is consolidated (全市、全区: its values are sums of its members), which decides the
 * overrides that apply; and the unit's named attributes (kind → 县, 民族地区 → 是) that formulas read as
 * {@code unit.kind} and {@code bandsBy} chooses band sets by.
 */
public record UnitInput(String unitCode, Period period, Map<String, BigDecimal> values, boolean consolidated,
                        Map<String, String> attributes) {

    public UnitInput {
        attributes = attributes == null ? Map.of() : attributes;
    }

    /** A unit without named attributes (see {@code unit.kind} in docs/model-format.md). */
    public UnitInput(String unitCode, Period period, Map<String, BigDecimal> values, boolean consolidated) {
        this(unitCode, period, values, consolidated, Map.of());
    }

    /** A budget unit. */
    public UnitInput(String unitCode, Period period, Map<String, BigDecimal> values) {
        this(unitCode, period, values, false);
    }
}
