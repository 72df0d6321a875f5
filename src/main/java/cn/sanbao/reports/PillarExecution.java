package cn.sanbao.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import cn.sanbao.facts.UnitFacts;
import cn.sanbao.kernel.Pillar;

/** Execution of a pillar in the reports: its annual budget against the amount paid to date (SPEC §3.5). */
record PillarExecution(Pillar pillar) {

    /** The order the reports list the pillars in: 保基本民生 first, 其他刚性支出 last. */
    static final List<PillarExecution> ALL = List.of(new PillarExecution(Pillar.LIVELIHOOD), new PillarExecution(Pillar.WAGE),
            new PillarExecution(Pillar.OPERATION), new PillarExecution(Pillar.OTHER_RIGID));

    /** The three 三保 pillars (without 其他刚性支出), summed in the headline figures. */
    static final List<PillarExecution> SANBAO = ALL.stream().filter(p -> p.pillar.isSanbao()).toList();

    String name() { return pillar.label(); }

    String budgetItem() { return pillar.budgetItem(); }

    String paidItem() { return pillar.paidItem(); }

    Optional<BigDecimal> budget(UnitFacts f) {
        return f == null ? Optional.empty() : f.amount(budgetItem());
    }

    Optional<BigDecimal> paid(UnitFacts f) {
        return f == null ? Optional.empty() : f.amount(paidItem());
    }

    /** paid ÷ budget in percent, one decimal; empty when either is missing or the budget is zero. */
    Optional<BigDecimal> executionPercent(UnitFacts f) {
        return percent(paid(f).orElse(null), budget(f).orElse(null));
    }

    static Optional<BigDecimal> percent(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) return Optional.empty();
        return Optional.of(part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP));
    }

    /** Sum of an item over the pillars; empty when any is missing (a partial sum would mislead). */
    static Optional<BigDecimal> sum(List<PillarExecution> pillars, UnitFacts f, boolean paid) {
        BigDecimal total = BigDecimal.ZERO;
        for (PillarExecution p : pillars) {
            Optional<BigDecimal> v = paid ? p.paid(f) : p.budget(f);
            if (v.isEmpty()) return Optional.empty();
            total = total.add(v.get());
        }
        return Optional.of(total);
    }
}
