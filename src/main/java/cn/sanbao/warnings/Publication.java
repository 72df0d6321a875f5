package cn.sanbao.warnings;

import java.time.LocalDateTime;

/** A month's results made official: the run published, by whom and when, and what it produced. */
public record Publication(long id, String period, long runId, String publishedBy, LocalDateTime publishedAt,
                          int warningCount, int messageCount) {
}
