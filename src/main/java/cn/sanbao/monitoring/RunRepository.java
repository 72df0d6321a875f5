package cn.sanbao.monitoring;

import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import cn.sanbao.engine.IndicatorResult;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.UnitScore;

@Repository
class RunRepository {

    private static final String RUN = "id, period, period_type, model_version_id, as_of_revision, unit_count, "
            + "started_by, started_at, finished_at, note";

    private static final String RESULT = "run_id, unit_code, total, grade, status, overrides, missing";
    private static final String INDICATOR = "run_id, unit_code, indicator_code, group_code, indicator_value, points, "
            + "max_points, band, status";

    // Explicit mappers: the record-property mapper probes camel-case column names first, and each failed probe
    // is an SQLException (on an H2 file database also a stack trace written to the trace file) per row and field.
    private static final RowMapper<ScoringRun> RUN_ROW = (rs, i) -> new ScoringRun(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getLong(4), nullableLong(rs, 5), rs.getInt(6), rs.getString(7), time(rs.getTimestamp(8)),
            time(rs.getTimestamp(9)), rs.getString(10));
    private static final RowMapper<UnitResultRow> RESULT_ROW = (rs, i) -> new UnitResultRow(rs.getLong(1),
            rs.getString(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
    private static final RowMapper<IndicatorResultRow> INDICATOR_ROW = (rs, i) -> new IndicatorResultRow(rs.getLong(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
            rs.getBigDecimal(7), rs.getString(8), rs.getString(9));

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
        return jdbc.sql("select " + RUN + " from scoring_run where id = ?").param(id).query(RUN_ROW).optional();
    }

    /** The newest run of a period: re-runs supersede for display, earlier runs stay readable. */
    Optional<ScoringRun> latestRun(String period) {
        return jdbc.sql("select " + RUN + " from scoring_run where period = ? order by id desc")
                .param(period).query(RUN_ROW).list().stream().findFirst();
    }

    List<ScoringRun> runs(String periodOrNull) {
        if (periodOrNull == null)
            return jdbc.sql("select " + RUN + " from scoring_run order by id desc").query(RUN_ROW).list();
        return jdbc.sql("select " + RUN + " from scoring_run where period = ? order by id desc")
                .param(periodOrNull).query(RUN_ROW).list();
    }

    /** Latest month (or week) that has a run, by period order. */
    Optional<String> latestPeriod(Period.Type type) {
        return jdbc.sql("select distinct period from scoring_run where period_type = ?").param(type.name())
                .query(String.class).list().stream().max((a, b) -> Period.parse(a).compareTo(Period.parse(b)));
    }

    /** Every run of the given periods, newest first (callers keep the first of each period). */
    List<ScoringRun> runsOf(Collection<String> periods) {
        if (periods.isEmpty()) return List.of();
        return jdbc.sql("select " + RUN + " from scoring_run where period in (:periods) order by id desc")
                .param("periods", periods).query(RUN_ROW).list();
    }

    /** Every run of one type in a year ("2021-03", "2021-W05" start with the year), newest first. */
    List<ScoringRun> runsOfYear(int year, Period.Type type) {
        return jdbc.sql("select " + RUN + " from scoring_run where period_type = ? and period like ? order by id desc")
                .params(type.name(), year + "-%").query(RUN_ROW).list();
    }

    /** The results of several runs in one query. */
    List<UnitResultRow> results(Collection<Long> runIds) {
        if (runIds.isEmpty()) return List.of();
        return jdbc.sql("select " + RESULT + " from unit_result where run_id in (:runs)").param("runs", runIds)
                .query(RESULT_ROW).list();
    }

    /** One unit's results in several runs in one query. */
    List<UnitResultRow> unitResults(String unitCode, Collection<Long> runIds) {
        if (runIds.isEmpty()) return List.of();
        return jdbc.sql("select " + RESULT + " from unit_result where unit_code = :unit and run_id in (:runs)")
                .param("unit", unitCode).param("runs", runIds).query(RESULT_ROW).list();
    }

    List<IndicatorResultRow> indicators(long runId, String unitCode) {
        return jdbc.sql("select " + INDICATOR + " from indicator_result where run_id = ? and unit_code = ?")
                .params(runId, unitCode).query(INDICATOR_ROW).list();
    }

    Optional<String> explanation(long runId, String unitCode) {
        return jdbc.sql("select explanation from unit_result where run_id = ? and unit_code = ?")
                .params(runId, unitCode).query(String.class).optional();
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
