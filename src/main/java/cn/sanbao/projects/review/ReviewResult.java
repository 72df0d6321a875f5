package cn.sanbao.projects.review;

import java.math.BigDecimal;
import java.util.List;

/** A unit's review: every finding of every rule; status 通过 only when there is none. */
public record ReviewResult(String unitCode, String unitName, int year, Long estimationId, List<Finding> findings) {

    public boolean passed() { return findings.isEmpty(); }

    public String status() { return passed() ? "通过" : "有缺口"; }

    /** Sum of hard gaps and unfunded demand (元). */
    public BigDecimal gapAmount() {
        return findings.stream().filter(f -> f.ruleCode().equals("HARD_GAP") || f.ruleCode().equals("UNFUNDED_DEMAND"))
                .map(Finding::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
