package cn.sanbao.dashboard;

import java.util.List;
import java.util.Map;
import cn.sanbao.monitoring.UnitRanking;

/**
 * Everything the dashboard shows for one period, already limited to the caller's unit scope.
 * {@code counts}, {@code migration} and {@code trend} count budget units (not the consolidated views);
 * {@code map} has the consolidated city results for the city map.
 */
public record DashboardData(String period, String periodLabel, long runId, Long asOfRevision,
                            List<GradeInfo> grades, Map<String, Long> counts, List<MapArea> map,
                            List<UnitRanking> ranking, Migration migration, Trend trend) {

    /** A grade of the model; {@code code} null stands for 数据缺失 (no grade). */
    public record GradeInfo(String code, String name) {
    }

    public record MapArea(String code, String name, String grade, String gradeName, java.math.BigDecimal total) {
    }

    /** matrix[i][j] = units with grade i in the previous period and grade j now (indices into grades). */
    public record Migration(String previousPeriodLabel, List<String> names, long[][] matrix) {
    }

    /** series[grade code] = count of units with that grade in each period of {@code labels}. */
    public record Trend(List<String> periods, List<String> labels, Map<String, List<Long>> series) {
    }
}
