package cn.sanbao.intake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Classifies checked payments and sums them per unit and pillar; keeps unmatched code pairs with counts and amounts. */
final class PaymentAggregator {

    private final PillarClassifier classifier;
    private final SpendingMarks.Matcher marks;
    private final Map<String, BigDecimal[]> marked = new HashMap<>();
    private final Map<String, BigDecimal[]> totals = new HashMap<>();
    private final Map<String, Object[]> unmatched = new HashMap<>();
    private final Map<String, long[]> counts = new HashMap<>();
    long rows;

    PaymentAggregator(PillarClassifier classifier) {
        this(classifier, null);
    }

    /** With {@code marks}, also sums the marked payments (debt service, 直达资金) per unit. */
    PaymentAggregator(PillarClassifier classifier, SpendingMarks.Matcher marks) {
        this.classifier = classifier;
        this.marks = marks;
    }

    PaymentClass add(PaymentRow r) {
        rows++;
        PaymentClass p = classifier.classify(r.economicCode(), r.functionCode());
        BigDecimal[] t = totals.computeIfAbsent(r.unitCode(), k -> new BigDecimal[PaymentClass.values().length]);
        t[p.ordinal()] = t[p.ordinal()] == null ? r.amount() : t[p.ordinal()].add(r.amount());
        counts.computeIfAbsent(r.unitCode(), k -> new long[1])[0]++;
        if (marks != null) {
            for (SpendingMark m : marks.marks(r.functionCode(), r.economicCode())) {
                BigDecimal[] s = marked.computeIfAbsent(r.unitCode(), k -> new BigDecimal[SpendingMark.values().length]);
                s[m.ordinal()] = s[m.ordinal()] == null ? r.amount() : s[m.ordinal()].add(r.amount());
            }
        }
        if (p == PaymentClass.UNCLASSIFIED) {
            Object[] u = unmatched.computeIfAbsent(r.functionCode() + "|" + r.economicCode(), k -> new Object[]{0L, BigDecimal.ZERO});
            u[0] = (Long) u[0] + 1;
            u[1] = ((BigDecimal) u[1]).add(r.amount());
        }
        return p;
    }

    /** unit → pillar → this file's sum (every pillar present, zero when no payment). */
    Map<String, Map<PaymentClass, BigDecimal>> totals() {
        Map<String, Map<PaymentClass, BigDecimal>> out = new TreeMap<>();
        totals.forEach((unit, t) -> {
            Map<PaymentClass, BigDecimal> m = new EnumMap<>(PaymentClass.class);
            for (PaymentClass p : PaymentClass.values()) m.put(p, t[p.ordinal()] == null ? new BigDecimal("0.00") : t[p.ordinal()]);
            out.put(unit, m);
        });
        return out;
    }

    /**
     * unit → derived to-date item → this file's sum: paid_non_priority (非三保) and one item per mark; every unit
     * of the file has every item (zero when none). Empty when the aggregator was made without marks.
     */
    Map<String, Map<String, BigDecimal>> derived() {
        Map<String, Map<String, BigDecimal>> out = new TreeMap<>();
        if (marks == null) return out;
        totals.forEach((unit, t) -> {
            Map<String, BigDecimal> m = new java.util.LinkedHashMap<>();
            m.put(SpendingMark.NON_PRIORITY_ITEM, t[PaymentClass.NONE.ordinal()] == null ? new BigDecimal("0.00") : t[PaymentClass.NONE.ordinal()]);
            BigDecimal[] s = marked.get(unit);
            for (SpendingMark mark : SpendingMark.values())
                m.put(mark.itemCode(), s == null || s[mark.ordinal()] == null ? new BigDecimal("0.00") : s[mark.ordinal()]);
            out.put(unit, m);
        });
        return out;
    }

    /** unit → number of payments in this file. */
    Map<String, Long> rowsPerUnit() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((unit, n) -> out.put(unit, n[0]));
        return out;
    }

    /** Largest amount first. */
    List<PaymentResult.Unclassified> unclassified() {
        List<PaymentResult.Unclassified> list = new ArrayList<>();
        unmatched.forEach((k, v) -> {
            String[] codes = k.split("\\|", -1);
            list.add(new PaymentResult.Unclassified(codes[0], codes[1], (Long) v[0], (BigDecimal) v[1]));
        });
        list.sort(Comparator.comparing(PaymentResult.Unclassified::amount).reversed());
        return list;
    }
}
