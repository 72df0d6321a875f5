package cn.sanbao.dashboard;

import java.util.List;
import cn.sanbao.monitoring.UnitRanking;

/** The ranking filter of the dashboard: by city name (所属市) and grade code; blank means all. */
final class RankingFilter {

    private RankingFilter() {
    }

    static List<UnitRanking> apply(List<UnitRanking> rows, String city, String grade) {
        return rows.stream()
                .filter(r -> city == null || city.isBlank() || city.equals(r.cityName()) || city.equals(r.unitName()))
                .filter(r -> grade == null || grade.isBlank()
                        || (GradeTally.MISSING.equals(grade) ? r.grade() == null : grade.equals(r.grade())))
                .toList();
    }
}
