package cn.sanbao.monitoring;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import cn.sanbao.engine.Display;
import cn.sanbao.engine.GradeCause;
import cn.sanbao.engine.IndicatorResult;
import cn.sanbao.engine.Interval;
import cn.sanbao.engine.PlainBand;
import cn.sanbao.engine.PlainFormula;
import cn.sanbao.engine.Scoring;
import java.math.BigDecimal;
import cn.sanbao.engine.Vocabulary;
import cn.sanbao.engine.ScoringEngine;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.engine.UnitScore;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.facts.UnitFacts;

/** Joins an engine result with where each input came from (period and revision). */
final class ExplanationBuilder {

    private ExplanationBuilder() {
    }

    static ResultExplanation build(long runId, String unitName, ModelVersion version, ScoringModel model,
                                   UnitScore s, UnitFacts facts, Vocabulary words) {
        List<ResultExplanation.Indicator> indicators = new ArrayList<>();
        for (IndicatorResult r : s.indicators()) {
            List<ResultExplanation.Input> inputs = new ArrayList<>();
            for (Map.Entry<String, java.math.BigDecimal> in : r.inputs().entrySet()) {
                if (in.getKey().equals(ScoringEngine.TIME_PROGRESS)) {
                    inputs.add(new ResultExplanation.Input(in.getKey(), "时序进度", in.getValue(), s.period().code(), null));
                    continue;
                }
                ResolvedFact f = facts == null ? null : facts.items().get(in.getKey());
                inputs.add(new ResultExplanation.Input(in.getKey(), ScoringEngine.inputName(model, in.getKey()), in.getValue(),
                        f == null ? null : f.period(), f == null ? null : f.revisionId()));
            }
            indicators.add(new ResultExplanation.Indicator(r.code(), r.name(), r.groupCode(), r.formula(), r.value(),
                    r.status().name(), r.status().label(), r.band(), r.level(), r.share(), r.points(), r.weight(),
                    r.explanation(), inputs, PlainFormula.text(r.formula(), words), PlainBand.text(r.band(), format(model, r.code())),
                    valueText(model, r),
                    worst(model, r), standard(model, r.code())));
        }
        List<ResultExplanation.Override> overrides = s.overrides().stream()
                .map(o -> new ResultExplanation.Override(o.code(), o.name(), o.action().name(), o.grade(),
                        model.gradeName(o.grade()), o.changedGrade(), o.values())).toList();
        List<ResultExplanation.Group> groups = s.groups().stream()
                .map(g -> new ResultExplanation.Group(g.code(), g.name(), g.points(), g.weight())).toList();
        return new ResultExplanation(runId, s.unitCode(), unitName, s.period().code(), s.period().label(),
                s.period().timeProgress().setScale(6, RoundingMode.HALF_UP), version.id(), version.label(),
                s.total(), s.grade(), model.gradeNameOrMissing(s.grade()),
                s.provisionalGrade(), model.gradeName(s.provisionalGrade()), s.complete(), GradeCause.sentence(model, s, words), s.missing(), s.problems(),
                facts == null ? List.of() : facts.notes(), overrides, groups, indicators,
                model.letter(s.grade()));
    }

    /** The value as the model shows it: in its unit, or by its band's letter (format: letter). */
    private static String valueText(ScoringModel model, IndicatorResult r) {
        if (r.value() == null) return null;
        String shown = Display.value(r.value(), format(model, r.code()), band(r.band()));
        return "letter".equals(format(model, r.code())) && r.level() != null ? r.level() + "（" + shown + "）" : shown;
    }

    /** True when the indicator earned the least any of its bands gives, and less than full points. */
    private static boolean worst(ScoringModel model, IndicatorResult r) {
        Scoring.Bands bands = bands(model, r.code());
        if (bands == null || r.share() == null || r.band() == null) return false;
        BigDecimal least = bands.bands().stream().map(Scoring.Band::share).min(BigDecimal::compareTo).orElseThrow();
        return r.share().compareTo(least) <= 0 && r.share().compareTo(BigDecimal.ONE) < 0;
    }

    /** The band that earns full points, in plain words: the standard a unit is held to. */
    private static String standard(ScoringModel model, String indicator) {
        Scoring.Bands bands = bands(model, indicator);
        if (bands == null) return null;
        return bands.bands().stream().max(java.util.Comparator.comparing(Scoring.Band::share))
                .map(b -> PlainBand.text(b.interval(), format(model, indicator))).orElse(null);
    }

    private static Scoring.Bands bands(ScoringModel model, String indicator) {
        return model.indicators().stream().filter(i -> i.code().equals(indicator))
                .map(i -> i.scoring() instanceof Scoring.Bands b ? b : null).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    private static String format(ScoringModel model, String indicator) {
        return model.indicators().stream().filter(i -> i.code().equals(indicator)).map(ScoringModel.Indicator::format)
                .filter(java.util.Objects::nonNull).findFirst().orElse("number");
    }

    private static Interval band(String band) {
        try {
            return band == null ? null : Interval.parse(band);
        } catch (IllegalArgumentException notABand) {
            return null;
        }
    }
}
