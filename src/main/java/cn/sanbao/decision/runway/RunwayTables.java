package cn.sanbao.decision.runway;

import cn.sanbao.kernel.CashBand;

import java.time.YearMonth;
import java.util.List;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.kernel.Money;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.web.ScreenText;

/** The 库款预测 screens' tables for the Excel export: the units list and one unit's months, amounts in 万元. */
final class RunwayTables {

    private RunwayTables() {
    }

    static Table list(YearMonth base, List<RunwayPage.Row> rows, CashBand band, ScreenText text) {
        Table.Builder t = Table.builder(text.get("decision.runway.heading", base.toString())).text(text.get("decision.unit"))
                .column(text.get("decision.runway.balance"), Table.Kind.WAN).column(text.get("decision.runway.avgOut"), Table.Kind.WAN)
                .column(text.get("decision.runway.baseLevel"), Table.Kind.DECIMAL).text(text.get("decision.runway.bandLabel"))
                .text(text.get("decision.runway.crossing")).text(text.get("decision.runway.without"));
        for (RunwayPage.Row r : rows) {
            RunwayProjection p = r.projection();
            t.row(r.unit().name(), Money.toWan(p.baseBalance()), Money.toWan(p.averageOutflow()), p.baseLevel(),
                    band.label(p.baseLevel()), p.crossing() == null ? "—" : p.crossing().toString(),
                    r.crossingWithout() == null ? "—" : r.crossingWithout() + (r.lifted() ? " " + text.get("decision.runway.lifted") : ""));
        }
        return t.build();
    }

    static Table unit(FiscalUnit unit, RunwayProjection p, CashBand band, ScreenText text) {
        Table.Builder t = Table.builder(unit.name() + " " + text.get("decision.runway.heading", p.base().toString()))
                .text(text.get("decision.month"));
        for (String key : List.of("opening", "inflow", "extra", "sanbao", "debt", "other", "closing"))
            t.column(text.get("decision.runway." + key), Table.Kind.WAN);
        t.column(text.get("decision.runway.level"), Table.Kind.DECIMAL).text(text.get("decision.runway.bandLabel"));
        for (RunwayProjection.Month m : p.months())
            t.row(m.month().toString(), Money.toWan(m.opening()), Money.toWan(m.inflow()), Money.toWan(m.extra()),
                    Money.toWan(m.sanbaoOutflow()), Money.toWan(m.debtOutflow()), Money.toWan(m.otherOutflow()),
                    Money.toWan(m.closing()), m.level(), m.level() == null ? "" : band.label(m.level()));
        return t.note(text.get("decision.runway.unitNote")).build();
    }
}
