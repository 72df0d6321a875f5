package cn.sanbao.projects;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import cn.sanbao.projects.demand.DemandLine;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.region.RegionTree;
import cn.sanbao.kernel.Money;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.web.ScreenText;

/** The 需求测算 screen's tables for the Excel export: per-unit pillar totals (万元) and, for one unit, its lines (元). */
final class DemandTables {

    private DemandTables() {
    }

    static List<Table> of(int year, Map<String, Map<Pillar, BigDecimal>> totals, RegionTree regions, String unit,
                          List<DemandLine> lines, ScreenText text) {
        List<Table> out = new ArrayList<>();
        Table.Builder t = Table.builder(text.get("projects.demand.heading", String.valueOf(year))).text(text.get("projects.demand.col.unit"));
        for (Pillar p : Pillar.SANBAO) t.column(p.label(), Table.Kind.WAN);
        t.column(text.get("projects.demand.col.total"), Table.Kind.WAN);
        totals.forEach((code, byPillar) -> {
            List<Object> cells = new ArrayList<>();
            cells.add(regions.require(code).name());
            BigDecimal sum = BigDecimal.ZERO;
            for (Pillar p : Pillar.SANBAO) {
                BigDecimal v = byPillar.get(p);
                cells.add(Money.toWanOrNull(v));
                if (v != null) sum = sum.add(v);
            }
            cells.add(Money.toWan(sum));
            t.row(cells.toArray());
        });
        out.add(t.note(text.get("projects.wan")).build());
        if (lines != null) {
            Table.Builder l = Table.builder(text.get("projects.demand.lines", regions.require(unit).name()))
                    .text(text.get("projects.demand.col.item")).text(text.get("projects.demand.col.pillar"))
                    .column(text.get("projects.demand.col.standard"), Table.Kind.YUAN)
                    .column(text.get("projects.demand.col.quantity"), Table.Kind.DECIMAL)
                    .column(text.get("projects.demand.col.share"), Table.Kind.DECIMAL)
                    .column(text.get("projects.demand.col.amount"), Table.Kind.YUAN);
            for (DemandLine d : lines)
                l.row(d.itemCode(), d.pillar().label(), d.annualStandard(), d.quantity(), d.localShare(), d.amount());
            out.add(l.build());
        }
        return out;
    }
}
