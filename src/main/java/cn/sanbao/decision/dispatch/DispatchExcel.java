package cn.sanbao.decision.dispatch;

import java.util.Map;
import cn.sanbao.shared.table.ExcelTables;
import cn.sanbao.shared.table.Table;

/** A dispatch plan as .xlsx: amounts in 元 as numbers (2 places) so Excel sums match the plan to the cent. */
final class DispatchExcel {

    private DispatchExcel() {
    }

    static byte[] write(DispatchPlan plan, Map<String, String> unitNames) {
        Table.Builder t = Table.builder("调度方案").note(plan.label() + " " + plan.statusName() + "，资金池 " + plan.pool().toPlainString()
                        + " 元，区级留存 " + plan.floor().toPlainString() + " 元，" + plan.arrivalMonth() + " 到账")
                .text("单位代码").text("单位").column("库款缺口（元）", Table.Kind.YUAN).column("调度上限（元）", Table.Kind.YUAN)
                .column("建议金额（元）", Table.Kind.YUAN).column("调度金额（元）", Table.Kind.YUAN).text("说明");
        for (DispatchPlan.Line l : plan.lines())
            t.row(l.unitCode(), unitNames.getOrDefault(l.unitCode(), l.unitCode()), l.shortfall(), l.cap(), l.proposed(), l.amount(),
                    l.explanation() + (l.adjusted() ? "；分析员已调整" : ""));
        t.row(null, "合计", null, null, null, plan.total(), null);
        return ExcelTables.write(t.build());
    }
}
