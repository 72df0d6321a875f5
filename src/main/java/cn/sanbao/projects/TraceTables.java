package cn.sanbao.projects;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import cn.sanbao.projects.demand.DemandLine;
import cn.sanbao.projects.trace.PillarTrace;
import cn.sanbao.projects.trace.ProjectPayment;
import cn.sanbao.projects.trace.ProjectProgress;
import cn.sanbao.kernel.Money;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.web.ScreenText;

/** The 追溯 screen's tables (estimation lines, projects, and the chosen project's payments) for the Excel export. */
final class TraceTables {

    private TraceTables() {
    }

    static List<Table> of(PillarTrace t, String unitName, String projectName, List<ProjectPayment> payments, ScreenText text) {
        List<Table> out = new ArrayList<>();
        String title = text.get("projects.trace.heading", unitName, String.valueOf(t.year()), t.pillar().label());
        Table.Builder lines = Table.builder(title).text(text.get("projects.trace.col.item"))
                .column(text.get("projects.trace.col.quantity"), Table.Kind.DECIMAL)
                .column(text.get("projects.trace.col.share"), Table.Kind.DECIMAL)
                .column(text.get("projects.trace.col.demand"), Table.Kind.WAN);
        for (DemandLine l : t.lines()) lines.row(l.itemCode(), l.quantity(), l.localShare(), Money.toWan(l.amount()));
        out.add(lines.build());
        Table.Builder projects = Table.builder(title + " " + text.get("projects.trace.col.project"))
                .text(text.get("projects.trace.col.project")).text(text.get("projects.trace.col.item"))
                .column(text.get("projects.trace.col.budget"), Table.Kind.WAN).column(text.get("projects.trace.col.paid"), Table.Kind.WAN)
                .column(text.get("projects.trace.col.progress") + "（%）", Table.Kind.PERCENT)
                .column(text.get("projects.trace.col.timeProgress") + "（%）", Table.Kind.PERCENT).text(text.get("projects.trace.col.hint"));
        for (ProjectProgress r : t.projects())
            projects.row(r.project().name(), r.project().itemCode() == null ? "—" : r.project().itemCode(),
                    Money.toWan(r.project().amount()), Money.toWan(r.paid()), percent(r.progress()), percent(r.timeProgress()),
                    r.noPaymentByMidYear() ? text.get("projects.trace.noPaymentByMidYear")
                            : r.behindTime() ? text.get("projects.trace.behindTime") : "");
        out.add(projects.build());
        if (payments != null) {
            Table.Builder pay = Table.builder(text.get("projects.trace.payments", projectName))
                    .text(text.get("projects.trace.col.paidOn")).text(text.get("projects.trace.col.voucher"))
                    .text(text.get("projects.trace.col.payee")).column(text.get("projects.trace.col.amount"), Table.Kind.YUAN);
            for (ProjectPayment x : payments) pay.row(x.paidOn().toString(), x.voucher(), x.payee(), x.amount());
            out.add(pay.build());
        }
        return out;
    }

    private static BigDecimal percent(BigDecimal share) {
        return share == null ? null : share.movePointRight(2);
    }
}
