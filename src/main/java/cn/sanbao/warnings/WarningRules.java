package cn.sanbao.warnings;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which results raise a warning, who is told through which channels, when a repeated warning escalates
 * and the deadlines of a case. Loaded from YAML by {@link WarningRulesFile}.
 */
public record WarningRules(Set<String> grades, boolean anyOverride, Set<String> overrides,
                           List<RecipientRule> recipients, String escalationGrade, List<EscalationStep> steps,
                           int planDays, int rectifyDays) {

    public enum RecipientType { UNIT, CITY, LEADER }

    /** {@code grades} empty = every warning; otherwise only warnings at these grades reach this recipient. */
    public record RecipientRule(RecipientType type, List<String> channels, Set<String> grades) {
        public boolean appliesTo(String grade) {
            return grades.isEmpty() || grades.contains(grade);
        }
    }

    public record EscalationStep(int months, EscalationLevel level) {
    }

    /** True when a unit with this grade and these fired overrides must be warned. */
    public boolean raises(String grade, List<String> firedOverrides) {
        if (grade != null && grades.contains(grade)) return true;
        if (firedOverrides.isEmpty()) return false;
        return anyOverride || firedOverrides.stream().anyMatch(overrides::contains);
    }

    /** The highest step reached by this many consecutive published months at the escalation grade. */
    public Optional<EscalationLevel> escalationFor(int consecutiveMonths) {
        return steps.stream().filter(s -> consecutiveMonths >= s.months())
                .max((a, b) -> Integer.compare(a.months(), b.months())).map(EscalationStep::level);
    }
}
