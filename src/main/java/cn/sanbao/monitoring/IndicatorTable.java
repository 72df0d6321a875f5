package cn.sanbao.monitoring;

import java.util.stream.Collectors;
import cn.sanbao.kernel.Period;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.web.ScreenText;

/** The unit page's 指标明细 as a table: the screen's columns, with 得分 / 权重 as two number columns. */
final class IndicatorTable {

    private IndicatorTable() {
    }

    static Table of(ResultExplanation e, Period period, Formats formats, ScreenText text) {
        Table.Builder t = Table.builder(e.unitName() + " " + period.label() + " " + text.get("console.unit.indicators"))
                .text(text.get("console.unit.indicator")).text(text.get("console.unit.formula")).text(text.get("console.unit.data"))
                .text(text.get("console.unit.band")).column(text.get("console.unit.points"), Table.Kind.DECIMAL)
                .column(text.get("console.unit.maxPoints"), Table.Kind.DECIMAL).text(text.get("console.unit.explanation"));
        for (ResultExplanation.Indicator i : e.indicators()) {
            String data = i.inputs().stream().map(in -> (in.name() == null ? in.item() : in.name()) + "："
                    + formats.input(in.item(), in.value())
                    + (in.revisionId() == null ? "" : "（" + in.sourcePeriod() + "，" + text.get("console.unit.revision", String.valueOf(in.revisionId())) + "）"))
                    .collect(Collectors.joining("；"));
            t.row(i.name(), i.formula(), data, i.band() == null ? "—" : i.band(), i.points(), i.weight(), i.explanation());
        }
        return t.build();
    }
}
