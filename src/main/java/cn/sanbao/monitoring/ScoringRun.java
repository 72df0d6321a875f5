package cn.sanbao.monitoring;

import java.time.LocalDateTime;

/** One scoring of one period for all units, with the model version and data revision it used. */
public record ScoringRun(long id, String period, String periodType, long modelVersionId, Long asOfRevision,
                         int unitCount, String startedBy, LocalDateTime startedAt, LocalDateTime finishedAt,
                         String note) {
}
