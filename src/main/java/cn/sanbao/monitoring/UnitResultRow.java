package cn.sanbao.monitoring;

import java.math.BigDecimal;

/** A unit's stored result in a run, as listed on screens (the full explanation is separate). */
public record UnitResultRow(long runId, String unitCode, BigDecimal total, String grade, String status,
                            String overrides, String missing) {

    public static final String COMPLETE = "COMPLETE";
    public static final String DATA_MISSING = "DATA_MISSING";

    public boolean complete() {
        return COMPLETE.equals(status);
    }
}
