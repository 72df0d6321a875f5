package cn.sanbao.discipline;

import cn.sanbao.kernel.Period;
import cn.sanbao.kernel.Money;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.web.ScreenText;

import java.math.BigDecimal;
import java.util.List;

/** The 支出约束监测 lists as tables for the Excel export (same columns as the screens), amounts in 万元. */
final class DisciplineTables {

    private DisciplineTables() {
    }

    static Table twoPriorities(Period month, List<DisciplineService.UnitCheck> rows, ScreenText text) {
        Table.Builder t = Table.builder(text.get("discipline.two.heading", month.label())).text(text.get("discipline.unit"))
                .column(text.get("discipline.two.sanbao"), Table.Kind.PERCENT).column(text.get("discipline.two.debt"), Table.Kind.PERCENT)
                .column(text.get("discipline.two.other"), Table.Kind.PERCENT).column(text.get("discipline.two.cash"), Table.Kind.DECIMAL)
                .text(text.get("discipline.two.flag"));
        for (DisciplineService.UnitCheck c : rows) {
            TwoPriorities p = c.check();
            t.row(c.unit().name(), pct(p.sanbaoRate()), pct(p.debtRate()), pct(p.otherRate()), p.cashLevel(),
                    p.flagged() ? p.reason() : "");
        }
        return t.note(text.get("discipline.two.method")).build();
    }

    static Table idle(Period month, int idleMonths, List<DisciplineService.DirectRow> rows, ScreenText text) {
        Table.Builder t = Table.builder(text.get("discipline.idle.heading", month.label(), idleMonths)).text(text.get("discipline.unit"))
                .column(text.get("discipline.direct.allocated"), Table.Kind.WAN).column(text.get("discipline.direct.arrived"), Table.Kind.WAN)
                .column(text.get("discipline.direct.paid"), Table.Kind.WAN).column(text.get("discipline.idle.amount"), Table.Kind.WAN)
                .column(text.get("discipline.direct.progress"), Table.Kind.PERCENT).text(text.get("discipline.idle.projects"));
        for (DisciplineService.DirectRow r : rows) {
            DirectFunds f = r.funds();
            String projects = String.join("；", r.projects().stream().map(p -> p.code() + " " + p.name() + "（" + p.agency()
                    + "，预算 " + Money.wan(p.amount()) + " 万元，已支付 " + Money.wan(p.paid()) + " 万元）").toList());
            t.row(r.unit().name(), Money.toWanOrNull(f.allocated()), Money.toWanOrNull(f.arrived()), Money.toWanOrNull(f.paid()), Money.toWanOrNull(f.idle()), pct(f.progress()),
                    projects.isEmpty() ? text.get("discipline.idle.noProject") : projects);
        }
        return t.note(text.get("discipline.idle.method", idleMonths)).build();
    }


    private static BigDecimal pct(BigDecimal rate) {
        return rate == null ? null : rate.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP);
    }
}
