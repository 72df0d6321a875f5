package cn.sanbao.warnings;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** One unit warned by one publication; {@code causes} holds one line per indicator or override behind it. */
public record Warning(long id, long publicationId, long caseId, String unitCode, String period, String grade,
                      String gradeName, BigDecimal total, String overrides, String causes, String escalation,
                      String letterNo, LocalDateTime createdAt) {

    public List<String> causeLines() {
        return causes == null || causes.isBlank() ? List.of() : List.of(causes.split("\n"));
    }

    public String escalationLabel() {
        return EscalationLevel.labelOf(escalation);
    }
}
