package cn.sanbao.intake;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Outcome of a payment import: the revision of to-date facts (or the identical earlier one), this
 * month's totals per unit and pillar, and the code pairs no rule matched.
 */
public record PaymentResult(Long revisionId, Long duplicateOf, String period, long rows, int mappingVersion,
                            Map<String, Map<PaymentClass, BigDecimal>> monthTotals, List<Unclassified> unclassified) {

    public record Unclassified(String functionCode, String economicCode, long rows, BigDecimal amount) {
    }
}
