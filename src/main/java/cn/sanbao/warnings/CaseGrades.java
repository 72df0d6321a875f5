package cn.sanbao.warnings;

import cn.sanbao.engine.ScoringModel;
import cn.sanbao.kernel.GradeLabels;
import cn.sanbao.kernel.Period;
import cn.sanbao.monitoring.ModelRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * How a case's grade reads: the name in the grade table of the model in force for the case's latest period, by the
 * kernel's {@link GradeLabels} rule (a code the model does not know shows as itself), as on every other screen.
 */
@Component
class CaseGrades {

    private final ModelRegistry models;

    CaseGrades(ModelRegistry models) {
        this.models = models;
    }

    /** Grade code → name of the model in force for the period, best grade first; empty when none is in force. */
    Map<String, String> names(Period period) {
        Map<String, String> names = new LinkedHashMap<>();
        try {
            for (ScoringModel.Grade g : models.engine(models.publishedFor(period)).model().grades()) names.put(g.code(), g.name());
        } catch (NoSuchElementException e) {
            // no model in force: codes show as themselves
        }
        return names;
    }

    /** A lookup for one page or export: the model is read once per period. */
    Function<WarningCase, String> lookup() {
        Map<String, Map<String, String>> byPeriod = new HashMap<>();
        return c -> GradeLabels.name(c.grade(), byPeriod.computeIfAbsent(c.lastPeriod(), p -> names(Period.parse(p))));
    }
}
