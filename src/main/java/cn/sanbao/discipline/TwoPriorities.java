package cn.sanbao.discipline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * 「两个支出」优先 for one unit and month ("钱紧时先保什么"): 三保 and debt service are to be paid before other
 * spending. Execution rates (to-date paid ÷ target to date):
 * <ul>
 * <li>三保 = (paid_wage + paid_operation + paid_livelihood) ÷ ((budget_wage + budget_operation + budget_livelihood) × T);</li>
 * <li>debt service = paid_debt_service ÷ debt_service_due (due is already a to-date figure);</li>
 * <li>other = paid_non_priority ÷ (budget_non_priority × T).</li>
 * </ul>
 * The unit is flagged when other spending runs ahead of 三保 or of debt service (a higher rate) while its
 * 库款保障水平 is below the safe band's lower bound. A rate that cannot be computed (missing figure, zero
 * target) never flags: nothing is guessed. Rates have four decimals, half up.
 */
public record TwoPriorities(BigDecimal timeProgress, BigDecimal sanbaoPaid, BigDecimal sanbaoBudget, BigDecimal debtPaid,
                            BigDecimal debtDue, BigDecimal otherPaid, BigDecimal otherBudget, BigDecimal cashLevel,
                            BigDecimal cashLow) {

    public BigDecimal sanbaoRate() { return rate(sanbaoPaid, target(sanbaoBudget)); }

    public BigDecimal debtRate() { return rate(debtPaid, debtDue); }

    public BigDecimal otherRate() { return rate(otherPaid, target(otherBudget)); }

    public boolean cashBelowBand() { return cashLevel != null && cashLevel.compareTo(cashLow) < 0; }

    public boolean aheadOfSanbao() { return ahead(sanbaoRate()); }

    public boolean aheadOfDebt() { return ahead(debtRate()); }

    public boolean flagged() { return cashBelowBand() && (aheadOfSanbao() || aheadOfDebt()); }

    /** Why the unit is flagged, in words (empty when it is not). */
    public String reason() {
        if (!flagged()) return "";
        List<String> ahead = new ArrayList<>();
        if (aheadOfSanbao()) ahead.add("三保支出进度 " + percent(sanbaoRate()));
        if (aheadOfDebt()) ahead.add("债务还本付息进度 " + percent(debtRate()));
        return "非三保支出进度 " + percent(otherRate()) + " 快于" + String.join("、", ahead) + "，而库款保障水平 "
                + cashLevel.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " 低于安全线 " + cashLow.stripTrailingZeros().toPlainString();
    }

    private boolean ahead(BigDecimal priority) {
        BigDecimal other = otherRate();
        return other != null && priority != null && other.compareTo(priority) > 0;
    }

    private BigDecimal target(BigDecimal budget) {
        return budget == null || timeProgress == null ? null : budget.multiply(timeProgress);
    }

    static BigDecimal rate(BigDecimal paid, BigDecimal target) {
        if (paid == null || target == null || target.signum() <= 0) return null;
        return paid.divide(target, 4, RoundingMode.HALF_UP);
    }

    /** 0.8650 → "86.5%". */
    public static String percent(BigDecimal rate) {
        if (rate == null) return "—";
        return rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
