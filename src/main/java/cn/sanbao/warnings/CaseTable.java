package cn.sanbao.warnings;

import java.util.List;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.web.ScreenText;

/** The 预警事项 list as a table: the screen's columns and header texts, for the Excel export. */
final class CaseTable {

    private CaseTable() {
    }

    static Table of(List<CaseService.CaseRow> rows, ScreenText text) {
        Table.Builder t = Table.builder(text.get("warnings.heading"))
                .column(text.get("warnings.list.col.id"), Table.Kind.INTEGER)
                .text(text.get("warnings.list.col.unit")).text(text.get("warnings.list.col.city"))
                .text(text.get("warnings.list.col.lastPeriod")).text(text.get("warnings.list.col.grade"))
                .text(text.get("warnings.list.col.status")).text(text.get("warnings.list.col.escalation"))
                .text(text.get("warnings.list.col.planDeadline")).text(text.get("warnings.list.col.rectifyDeadline"))
                .text(text.get("warnings.list.col.overdue"));
        for (CaseService.CaseRow r : rows) {
            WarningCase c = r.c();
            t.row(c.id(), r.unitName(), r.cityName(), c.lastPeriod(), r.gradeName(), c.statusLabel(),
                    c.escalationLabel(), str(c.planDeadline()), str(c.rectifyDeadline()), r.overdue() ? text.get("warnings.overdue") : "");
        }
        return t.build();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
