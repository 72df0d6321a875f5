package cn.sanbao.decision.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import cn.sanbao.shared.table.ExcelTables;
import cn.sanbao.shared.table.Table;

/** One or two weightings' allocations as .xlsx, amounts in 元; with two, a difference column. */
final class AllocationExcel {

    private AllocationExcel() {
    }

    static byte[] write(String title, Weighting a, FactorAllocator.Result ra, Weighting b, FactorAllocator.Result rb,
                        Map<String, String> names) {
        Table.Builder t = Table.builder("转移支付分配").note(title).text("单位代码").text("单位").column("补齐三保预算缺口（元）", Table.Kind.YUAN);
        for (Factor f : a.weights().keySet()) t.column(f.label() + "因素（元，" + a.label() + "）", Table.Kind.YUAN);
        t.column(a.label() + " 分配额（元）", Table.Kind.YUAN);
        if (rb != null) t.column(b.label() + " 分配额（元）", Table.Kind.YUAN).column("差额（元）", Table.Kind.YUAN);
        for (int i = 0; i < ra.lines().size(); i++) {
            FactorAllocator.Line l = ra.lines().get(i);
            List<Object> cells = new ArrayList<>(List.of(l.unitCode(), names.getOrDefault(l.unitCode(), l.unitCode()), l.gapCovered()));
            for (Factor f : a.weights().keySet()) cells.add(l.contributions().get(f));
            cells.add(l.amount());
            if (rb != null) {
                FactorAllocator.Line other = rb.lines().get(i);
                cells.add(other.amount());
                cells.add(other.amount().subtract(l.amount()));
            }
            t.row(cells.toArray());
        }
        List<Object> total = new ArrayList<>();
        total.add(null);
        total.add("合计");
        for (int i = 0; i <= a.weights().size(); i++) total.add(null);
        total.add(ra.total());
        if (rb != null) {
            total.add(rb.total());
            total.add(rb.total().subtract(ra.total()));
        }
        t.row(total.toArray());
        return ExcelTables.write(t.build());
    }
}
