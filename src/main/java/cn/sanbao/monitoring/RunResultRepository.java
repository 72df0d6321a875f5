package cn.sanbao.monitoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bulk reads of stored results for other modules (reports): one query per run for all units' indicators and
 * grades, so a 3,000-unit report does not read unit by unit. Read-only; the tables are monitoring's own.
 */
@Repository
public class RunResultRepository {

    public record IndicatorRow(String unitCode, String indicatorCode, String groupCode, BigDecimal indicatorValue,
                        BigDecimal points, BigDecimal maxPoints) {
    }

    public record GradeRow(String unitCode, BigDecimal total, String grade) {
    }

    private final JdbcClient jdbc;

    RunResultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A unit's stored result line (without the explanation). */
    public record ResultRow(String unitCode, BigDecimal total, String grade, String status, String overrides, String missing) {
    }

    /*
     * Rows are mapped by column position: mapping records by name makes the driver look up each property's
     * camel-case name first, which H2 answers with an exception (and a trace-file entry) per row and column.
     */

    /** unit → indicator code → row. */
    public Map<String, Map<String, IndicatorRow>> indicators(long runId) {
        return jdbc.sql("select unit_code, indicator_code, group_code, indicator_value, points, max_points "
                        + "from indicator_result where run_id = ?").param(runId)
                .query((rs, i) -> new IndicatorRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6))).list().stream()
                .collect(Collectors.groupingBy(IndicatorRow::unitCode,
                        Collectors.toMap(IndicatorRow::indicatorCode, r -> r)));
    }

    public List<GradeRow> grades(long runId) {
        return jdbc.sql("select unit_code, total, grade from unit_result where run_id = ?").param(runId)
                .query((rs, i) -> new GradeRow(rs.getString(1), rs.getBigDecimal(2), rs.getString(3))).list();
    }

    public Optional<GradeRow> grade(long runId, String unitCode) {
        return jdbc.sql("select unit_code, total, grade from unit_result where run_id = ? and unit_code = ?")
                .params(runId, unitCode).query((rs, i) -> new GradeRow(rs.getString(1), rs.getBigDecimal(2), rs.getString(3)))
                .optional();
    }

    /** unit → result line of a run. */
    public Map<String, ResultRow> results(long runId) {
        return jdbc.sql("select unit_code, total, grade, status, overrides, missing from unit_result where run_id = ?")
                .param(runId).query((rs, i) -> new ResultRow(rs.getString(1), rs.getBigDecimal(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6))).list().stream()
                .collect(Collectors.toMap(ResultRow::unitCode, r -> r));
    }

    /** The newest run of a period, by id (re-runs supersede for display, as on the screens). */
    public Optional<Long> latestRunId(String period) {
        return jdbc.sql("select max(id) from scoring_run where period = ?").param(period).query(Long.class).optional();
    }

    /** Every period that has a run, newest first (months before weeks of the same year). */
    public List<String> periods() {
        return jdbc.sql("select distinct period from scoring_run").query(String.class).list().stream()
                .map(cn.sanbao.kernel.Period::parse).sorted(java.util.Comparator.reverseOrder())
                .map(cn.sanbao.kernel.Period::code).toList();
    }

    /**
     * Unit code → total of the run (units without a total, i.e. with missing data, are left out), for ranks.
     * {@code ResultRepository.ranking} builds a full line per unit and compares it with the previous period.
     */
    public Map<String, BigDecimal> totals(long runId) {
        Map<String, BigDecimal> out = new java.util.HashMap<>();
        jdbc.sql("select unit_code, total from unit_result where run_id = ? and total is not null").param(runId)
                .query((rs, n) -> out.put(rs.getString(1), rs.getBigDecimal(2))).list();
        return out;
    }
}
