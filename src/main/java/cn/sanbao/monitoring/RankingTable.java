package cn.sanbao.monitoring;

import java.util.List;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.web.ScreenText;

/**
 * A period's results as a table with the 监测结果 screen's columns and headers (plus the unit code, so rows can be
 * matched with other files); the monitoring and dashboard exports both write it. Scores are numbers.
 */
public final class RankingTable {

    private RankingTable() {
    }

    public static Table of(String title, List<UnitRanking> rows, ScreenText text) {
        Table.Builder t = Table.builder(title)
                .column(text.get("console.ranking.no"), Table.Kind.INTEGER).text(text.get("console.ranking.unitCode"))
                .text(text.get("console.ranking.unit")).text(text.get("console.ranking.city")).text(text.get("console.ranking.kind"))
                .column(text.get("console.ranking.total"), Table.Kind.DECIMAL).text(text.get("console.ranking.grade"))
                .text(text.get("console.ranking.previousGrade")).column(text.get("console.ranking.change"), Table.Kind.DECIMAL)
                .text(text.get("console.ranking.overrides")).text(text.get("console.ranking.missing"));
        int n = 0;
        for (UnitRanking r : rows)
            t.row(++n, r.unitCode(), r.unitName(), r.cityName(), r.unitKind(), r.total(), r.gradeName(),
                    r.previousGradeName() == null ? "" : r.previousGradeName(), r.totalChange(),
                    r.overrides() == null ? "" : r.overrides(), r.missing() == null ? "" : r.missing());
        return t.build();
    }

    /** The ranking filter of the result screens: by city name (所属市, or the city itself) and grade code; blank means all. */
    public static List<UnitRanking> filter(List<UnitRanking> rows, String city, String grade) {
        return rows.stream()
                .filter(r -> city == null || city.isBlank() || city.equals(r.cityName()) || city.equals(r.unitName()))
                .filter(r -> grade == null || grade.isBlank()
                        || (MISSING.equals(grade) ? r.grade() == null : grade.equals(r.grade())))
                .toList();
    }

    /** The grade filter's value for units without a grade (data missing). */
    public static final String MISSING = "MISSING";
}
