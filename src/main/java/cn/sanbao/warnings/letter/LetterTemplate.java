package cn.sanbao.warnings.letter;

import java.time.LocalDateTime;

/** The editable 提示函 template: title and body with {占位符}, required actions, issuing office, 文号 prefix. */
public record LetterTemplate(long id, String code, String title, String body, String actions, String office,
                             String docPrefix, String updatedBy, LocalDateTime updatedAt) {
}
