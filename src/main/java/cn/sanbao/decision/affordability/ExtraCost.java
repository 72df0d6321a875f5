package cn.sanbao.decision.affordability;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.projects.list.StandardBasis;

/**
 * Extra cost of a proposal for one unit over three years. For year k (0, 1, 2 from the start year):
 * months covered m = 13 − start month in the first year, 12 after; scope q_k = q × (1 + g)^k;
 * extra_k = (new standard for m months × q_k − current standard for m months × q) × local share, rounded
 * once half-up to 分. The current standard is the one in force at the end of the list year (after any
 * mid-year change). A fixed standard has no scope: q = 1 and no growth.
 */
public final class ExtraCost {

    public static final int YEARS = 3;
    private static final MathContext MC = new MathContext(40, RoundingMode.HALF_EVEN);

    public record Year(int year, int months, BigDecimal quantity, BigDecimal baseline, BigDecimal proposed, BigDecimal extra) {
    }

    private ExtraCost() {
    }

    public static List<Year> of(GuaranteeItem item, Proposal p, BigDecimal quantity, BigDecimal localShare) {
        boolean fixed = item.basis() == StandardBasis.FIXED;
        BigDecimal q = fixed ? BigDecimal.ONE : quantity;
        BigDecimal current = item.changeMonth() != null ? item.standardAfter() : item.standard();
        List<Year> years = new ArrayList<>();
        for (int k = 0; k < YEARS; k++) {
            int months = k == 0 ? 13 - p.start().getMonthValue() : 12;
            BigDecimal qk = fixed ? BigDecimal.ONE : q.multiply(BigDecimal.ONE.add(p.scopeGrowth()).pow(k, MC), MC);
            BigDecimal baseline = forMonths(item.basis(), current, months).multiply(q).multiply(localShare);
            BigDecimal proposed = forMonths(item.basis(), p.newStandard(), months).multiply(qk, MC).multiply(localShare, MC);
            years.add(new Year(p.start().getYear() + k, months, qk.setScale(2, RoundingMode.HALF_UP),
                    baseline.setScale(2, RoundingMode.HALF_UP), proposed.setScale(2, RoundingMode.HALF_UP),
                    proposed.subtract(baseline).setScale(2, RoundingMode.HALF_UP)));
        }
        return years;
    }

    /** One scope unit's amount for {@code months} months, exact. */
    static BigDecimal forMonths(StandardBasis basis, BigDecimal standard, int months) {
        BigDecimal m = BigDecimal.valueOf(months);
        return basis == StandardBasis.PER_PERSON_MONTH ? standard.multiply(m) : standard.multiply(m).divide(BigDecimal.valueOf(12), MC);
    }
}
