package cn.sanbao.monitoring;

import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import cn.sanbao.engine.IndicatorResult;
import cn.sanbao.engine.Period;
import cn.sanbao.engine.UnitScore;

@Repository
class RunRepository {

    private static final String RUN = "id, period, period_type, model_version_id, as_of_revision, unit_count, "
            + "started_by, started_at, finished_at, note";

    private final JdbcClient jdbc;

    RunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertRun(Period period, long modelVersionId, long asOfRevision, int unitCount, String actor,
                   LocalDateTime started, LocalDateTime finished, String note) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into scoring_run (period, period_type, model_version_id, as_of_revision, unit_count, "
                        + "started_by, started_at, finished_at, note) values (?,?,?,?,?,?,?,?,?)")
                .params(period.code(), period.type().name(), modelVersionId, asOfRevision, unitCount, actor, started,
                        finished, note)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertResult(long runId, UnitScore s, String explanationJson) {
        String overrides = String.join(";", s.overrides().stream().map(UnitScore.FiredOverride::code).toList());
        jdbc.sql("insert into unit_result (run_id, unit_code, total, grade, status, overrides, missing, explanation) "
                        + "values (?,?,?,?,?,?,?,?)")
                .params(runId, s.unitCode(), s.total(), s.grade(),
                        s.complete() ? UnitResultRow.COMPLETE : UnitResultRow.DATA_MISSING,
                        overrides.isEmpty() ? null : overrides, s.missing().isEmpty() ? null : String.join(";", s.missing()),
                        explanationJson)
                .update();
        for (IndicatorResult r : s.indicators()) {
            jdbc.sql("insert into indicator_result (run_id, unit_code, indicator_code, group_code, indicator_value, "
                            + "points, max_points, band, status) values (?,?,?,?,?,?,?,?,?)")
                    .params(runId, s.unitCode(), r.code(), r.groupCode(),
                            r.value() == null ? null : r.value().setScale(6, RoundingMode.HALF_UP), r.points(), r.weight(),
                            r.band(), r.status().name())
                    .update();
        }
    }

    Optional<ScoringRun> findRun(long id) {
        return jdbc.sql("select " + RUN + " from scoring_run where id = ?").param(id).query(ScoringRun.class).optional();
    }

    /** The newest run of a period: re-runs supersede for display, earlier runs stay readable. */
    Optional<ScoringRun> latestRun(String period) {
        return jdbc.sql("select " + RUN + " from scoring_run where period = ? order by id desc")
                .param(period).query(ScoringRun.class).list().stream().findFirst();
    }

    List<ScoringRun> runs(String periodOrNull) {
        if (periodOrNull == null)
            return jdbc.sql("select " + RUN + " from scoring_run order by id desc").query(ScoringRun.class).list();
        return jdbc.sql("select " + RUN + " from scoring_run where period = ? order by id desc")
                .param(periodOrNull).query(ScoringRun.class).list();
    }

    /** Latest month (or week) that has a run, by period order. */
    Optional<String> latestPeriod(Period.Type type) {
        return jdbc.sql("select distinct period from scoring_run where period_type = ?").param(type.name())
                .query(String.class).list().stream().max((a, b) -> Period.parse(a).compareTo(Period.parse(b)));
    }

    List<UnitResultRow> results(long runId) {
        return jdbc.sql("select run_id, unit_code, total, grade, status, overrides, missing from unit_result "
                + "where run_id = ?").param(runId).query(UnitResultRow.class).list();
    }

    List<IndicatorResultRow> indicators(long runId) {
        return jdbc.sql("select run_id, unit_code, indicator_code, group_code, indicator_value, points, max_points, "
                + "band, status from indicator_result where run_id = ?").param(runId).query(IndicatorResultRow.class).list();
    }

    Optional<String> explanation(long runId, String unitCode) {
        return jdbc.sql("select explanation from unit_result where run_id = ? and unit_code = ?")
                .params(runId, unitCode).query(String.class).optional();
    }
}
