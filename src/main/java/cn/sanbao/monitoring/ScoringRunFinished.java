package cn.sanbao.monitoring;

/** Event: a scoring run was stored (all units of one period), committed with the run. */
public record ScoringRunFinished(long runId, String period, long modelVersionId, String startedBy) {
}
