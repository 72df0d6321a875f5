package cn.sanbao.intake;

import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The to-date items built from the payment detail besides paid_*: paid_non_priority (payments classified 非三保),
 * paid_debt_service and direct_paid (payments carrying a {@link SpendingMark}). One rule for imports and the demo.
 */
public final class DerivedPaymentItems {

    private DerivedPaymentItems() {
    }

    /** Item codes in display order. */
    public static List<String> codes() {
        List<String> out = new ArrayList<>(List.of(SpendingMark.NON_PRIORITY_ITEM));
        for (SpendingMark m : SpendingMark.values()) out.add(m.itemCode());
        return out;
    }

    /**
     * {@code monthSums}: unit → item → the month's sum; {@code before}: "unit|item" → the value in force for the
     * previous month (ignored in January). A unit-item without a previous value (not January) or that would turn
     * negative is left out rather than guessed.
     */
    public static List<FactValue> toDate(Period period, Map<String, Map<String, BigDecimal>> monthSums, Map<String, BigDecimal> before) {
        boolean january = period.number() == 1;
        List<FactValue> out = new ArrayList<>();
        monthSums.forEach((unit, sums) -> sums.forEach((item, sum) -> {
            BigDecimal prev = january ? BigDecimal.ZERO : before.get(unit + "|" + item);
            if (prev == null) return;
            BigDecimal toDate = prev.add(sum);
            if (toDate.signum() >= 0) out.add(new FactValue(unit, period.code(), item, toDate.setScale(2)));
        }));
        return out;
    }

    /** unit → item → month sum of these rows, classified and marked like an import. */
    public static Map<String, Map<String, BigDecimal>> monthSums(List<PaymentRow> rows, PillarClassifier classifier, SpendingMarks marks) {
        PaymentAggregator sums = new PaymentAggregator(classifier, marks.matcher());
        rows.forEach(sums::add);
        return sums.derived();
    }
}
