package cn.sanbao.facts;

import java.math.BigDecimal;

/** A figure as currently valid, with the revision it came from (for consolidated units: the newest member revision). */
public record ResolvedFact(String unitCode, String period, String itemCode, BigDecimal amount, long revisionId) {
}
