package cn.sanbao.monitoring;

import java.time.LocalDateTime;

/** What became of the re-scoring an import asked for: the run, or why there is none. */
public record RescoringRequest(long revisionId, String period, String requestedBy, LocalDateTime handledAt, Long runId,
                               String failure) {
}
