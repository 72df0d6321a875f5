package cn.sanbao.demo;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SPEC §4 default model written out by hand, only to check that the demo data has the intended
 * spread. The real engine reads the model from configuration; this one is deliberately literal.
 */
final class ReferenceScorer {

    enum Grade {
        STABLE("平稳运行"), LOW("低度风险"), MEDIUM("中度风险"), HIGH("高度风险");
        final String label;
        Grade(String label) { this.label = label; }
        Grade atLeast(Grade other) { return ordinal() >= other.ordinal() ? this : other; }
    }

    record Result(double score, Grade grade, Map<String, Double> points, boolean arrears, boolean lowCash) {}

    private ReferenceScorer() {}

    /** Scores month {@code month} (1..12) from the annual plan items and that month's values. */
    static Result score(Map<String, BigDecimal> annual, Map<String, BigDecimal> monthValues, int month) {
        double t = month / 12.0;
        Map<String, BigDecimal> v = new LinkedHashMap<>(annual);
        v.putAll(monthValues);
        Map<String, Double> pts = new LinkedHashMap<>();
        for (String pillar : new String[] {"wage", "operation", "livelihood", "other_rigid"}) {
            double ratio = d(v, "paid_" + pillar) / (d(v, "budget_" + pillar) * t);
            pts.put("pillar_" + pillar, 15 * (ratio >= 1 ? 1 : ratio >= 0.92 ? 0.6 : 0));
        }
        double demand = d(v, "demand_wage") + d(v, "demand_operation") + d(v, "demand_livelihood");
        double cap = d(v, "fiscal_capacity");
        double capRatio = cap / demand;
        pts.put("capacity", 5 * (capRatio >= 1.5 ? 1 : capRatio >= 1.2 ? 0.8 : capRatio >= 1.0 ? 0.5 : 0));
        double cashMonths = d(v, "cash_balance") / (demand / 12);
        pts.put("cash", 5 * (cashMonths >= 1.5 ? 1 : cashMonths >= 1.0 ? 0.8 : cashMonths >= 0.5 ? 0.4 : 0));
        double arranged = (d(v, "budget_wage") + d(v, "budget_operation") + d(v, "budget_livelihood")) / demand;
        pts.put("arranged", 5 * (arranged >= 1 ? 1 : arranged >= 0.95 ? 0.6 : arranged >= 0.9 ? 0.2 : 0));
        double gap = Math.max(0, d(v, "revenue_budget") * t - d(v, "revenue_to_date")) / cap;
        pts.put("revenue_gap", 5 * (gap <= 0 ? 1 : gap <= 0.02 ? 0.8 : gap <= 0.05 ? 0.4 : 0));
        double temp = (d(v, "temp_payment_opening") - d(v, "temp_payment_balance")) / d(v, "temp_payment_target") / t;
        pts.put("temp_payment", 5 * (temp >= 1 ? 1 : temp >= 0.5 ? 0.6 : temp >= 0 ? 0.2 : 0));
        double staff = d(v, "offstaff_headcount") / d(v, "offstaff_cap");
        pts.put("offstaff", 5 * (staff <= 1 ? 1 : staff <= 1.05 ? 0.6 : staff <= 1.10 ? 0.2 : 0));
        double hidden = d(v, "hidden_debt_funded") / (d(v, "hidden_debt_plan") * t);
        pts.put("hidden_debt", 5 * (hidden >= 1 ? 1 : hidden >= 0.8 ? 0.6 : hidden >= 0.5 ? 0.2 : 0));
        double debt = d(v, "debt_service_funded") / d(v, "debt_service_due");
        pts.put("debt_service", 5 * (debt >= 1 ? 1 : debt >= 0.9 ? 0.4 : 0));

        double score = pts.values().stream().mapToDouble(Double::doubleValue).sum();
        Grade grade = score >= 85 ? Grade.STABLE : score >= 75 ? Grade.LOW : score >= 60 ? Grade.MEDIUM : Grade.HIGH;
        boolean arrears = d(v, "wage_arrears") > 0 || d(v, "livelihood_arrears") > 0;
        boolean lowCash = cashMonths < 0.3;
        if (lowCash) grade = grade.atLeast(Grade.MEDIUM);
        if (arrears) grade = Grade.HIGH;
        return new Result(score, grade, pts, arrears, lowCash);
    }

    private static double d(Map<String, BigDecimal> v, String item) {
        BigDecimal value = v.get(item);
        if (value == null) throw new IllegalArgumentException("缺少数据项：" + item);
        return value.doubleValue();
    }
}
