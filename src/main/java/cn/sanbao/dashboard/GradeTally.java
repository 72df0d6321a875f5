package cn.sanbao.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import cn.sanbao.dashboard.DashboardData.GradeInfo;
import cn.sanbao.monitoring.UnitRanking;

/** Counts per grade and the from→to grade matrix over budget units; a missing grade counts as 数据缺失. */
final class GradeTally {

    static final String MISSING = cn.sanbao.monitoring.RankingTable.MISSING;

    private GradeTally() {
    }

    static Map<String, Long> counts(List<GradeInfo> grades, List<UnitRanking> rows) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (GradeInfo g : grades) out.put(key(g.code()), 0L);
        for (UnitRanking r : rows) if (!r.consolidated()) out.merge(key(r.grade()), 1L, Long::sum);
        return out;
    }

    /** Only units that have a result in both periods are counted. */
    static long[][] migration(List<GradeInfo> grades, List<UnitRanking> rows) {
        long[][] m = new long[grades.size()][grades.size()];
        for (UnitRanking r : rows) {
            if (r.consolidated() || r.previousGradeName() == null) continue;
            int from = index(grades, r.previousGrade());
            int to = index(grades, r.grade());
            m[from][to]++;
        }
        return m;
    }

    static String key(String grade) {
        return grade == null ? MISSING : grade;
    }

    private static int index(List<GradeInfo> grades, String code) {
        for (int i = 0; i < grades.size(); i++) if (key(grades.get(i).code()).equals(key(code))) return i;
        return grades.size() - 1;
    }
}
