package cn.sanbao.warnings;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One unit warned by one publication; {@code causes} holds, one per line, what decided the grade and then
 * the indicators in their worst band (see WarningCauses).
 */
public record Warning(long id, long publicationId, long caseId, String unitCode, String period, String grade,
                      String gradeName, BigDecimal total, String overrides, String causes, String escalation,
                      String letterNo, LocalDateTime createdAt) {

    public List<String> causeLines() {
        return causes == null || causes.isBlank() ? List.of() : List.of(causes.split("\n"));
    }

    /** The sentence saying what decided the grade. */
    public String gradeCause() {
        List<String> lines = causeLines();
        return lines.isEmpty() ? "" : lines.get(0);
    }

    /** The indicators in their worst band, with value and standard. */
    public List<String> indicatorLines() {
        List<String> lines = causeLines();
        return lines.size() <= 1 ? List.of() : lines.subList(1, lines.size());
    }

    public String escalationLabel() {
        return EscalationLevel.labelOf(escalation);
    }
}
