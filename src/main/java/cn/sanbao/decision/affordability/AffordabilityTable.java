package cn.sanbao.decision.affordability;

import java.util.ArrayList;
import java.util.List;
import cn.sanbao.kernel.Money;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.web.ScreenText;

/**
 * A case's per-unit report for the Excel export. The screen's "等级 / 倍数" cells become two columns each
 * (grade as text, coverage as a number), so the coverage can be sorted and compared in Excel.
 */
final class AffordabilityTable {

    private AffordabilityTable() {
    }

    static Table of(AffordabilityService.Report r, ScreenText text) {
        List<AffordabilityService.Row> rows = r.rows();
        List<Integer> years = rows.isEmpty() ? List.of() : rows.get(0).years().stream().map(y -> y.year()).toList();
        Table.Builder t = Table.builder(r.kase().name()).text(text.get("decision.unit"));
        for (int y : years) t.column(y + text.get("decision.affordability.extra"), Table.Kind.WAN);
        t.text(text.get("decision.affordability.baseGradeOnly")).column(text.get("decision.affordability.baseCoverage"), Table.Kind.DECIMAL);
        for (int y : years)
            t.text(y + text.get("decision.affordability.afterGrade")).column(y + text.get("decision.affordability.afterCoverage"), Table.Kind.DECIMAL);
        t.text(text.get("decision.affordability.flag"));
        for (AffordabilityService.Row row : rows) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.unit().name());
            row.years().forEach(y -> cells.add(Money.toWan(y.extra())));
            cells.add(row.base().gradeName());
            cells.add(row.base().capacityCoverage());
            row.outcomes().forEach(o -> {
                cells.add(o.gradeName());
                cells.add(o.capacityCoverage());
            });
            cells.add(row.flagged() ? text.get("decision.affordability.falls", r.flagGradeName()) : "");
            t.row(cells.toArray());
        }
        return t.build();
    }
}
