package cn.sanbao.decision.affordability;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import cn.sanbao.engine.IndicatorResult;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.ScoringEngine;
import cn.sanbao.engine.UnitInput;
import cn.sanbao.engine.UnitScore;

/**
 * Re-scores a unit with the published model on its stored figures plus a proposal's extra demand: the
 * extra is added to the pillar's annual demand item, everything else stays as reported. Nothing is stored.
 */
public final class ProposalScorer {

    public static final String CAPACITY_INDICATOR = "CAPACITY_COVERAGE";

    private final ScoringEngine engine;

    public ProposalScorer(ScoringEngine engine) {
        this.engine = engine;
    }

    public record Outcome(BigDecimal total, String grade, String gradeName, BigDecimal capacityCoverage, boolean complete) {
    }

    public Outcome score(String unitCode, Period period, Map<String, BigDecimal> values, String demandItem, BigDecimal extra) {
        Map<String, BigDecimal> modified = new LinkedHashMap<>(values);
        if (extra.signum() != 0) modified.merge(demandItem, extra, BigDecimal::add);
        UnitScore s = engine.score(new UnitInput(unitCode, period, modified));
        String grade = s.grade() != null ? s.grade() : s.provisionalGrade();
        IndicatorResult cap = s.indicator(CAPACITY_INDICATOR);
        return new Outcome(s.total(), grade, engine.model().gradeNameOrMissing(grade), cap == null ? null : cap.value(), s.complete());
    }

    /** True when {@code grade} is {@code threshold} or worse in the model's grade order. */
    public boolean atLeast(String grade, String threshold) {
        return grade != null && engine.model().rank(grade) >= engine.model().rank(threshold);
    }
}
