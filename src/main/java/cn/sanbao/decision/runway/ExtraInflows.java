package cn.sanbao.decision.runway;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

/** A source of known future inflows of a unit (approved dispatch, expected transfers), by month. */
public interface ExtraInflows {

    /** Per unit, per month, the amount expected; plans after {@code base} are not yet known and are left out. */
    Map<String, Map<YearMonth, BigDecimal>> inflowsKnownAt(YearMonth base);
}
