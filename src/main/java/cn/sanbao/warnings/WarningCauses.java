package cn.sanbao.warnings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import cn.sanbao.monitoring.ResultExplanation;

/** What caused a warning, read from the stored explanation: overrides fired and indicators that lost points. */
final class WarningCauses {

    private WarningCauses() {
    }

    static List<String> of(ResultExplanation e) {
        List<String> out = new ArrayList<>();
        for (ResultExplanation.Override o : e.overrides())
            out.add("一票否决：" + o.name() + (o.gradeName() == null ? "" : "（等级定为" + o.gradeName() + "）"));
        for (ResultExplanation.Indicator i : e.indicators()) {
            if (i.points() == null || i.weight() == null || i.points().compareTo(i.weight()) >= 0) continue;
            out.add(i.name() + "：" + value(i.value()) + "，得 " + plain(i.points()) + " 分（满分 " + plain(i.weight()) + " 分）");
        }
        return out;
    }

    /** Ratios are shown as stored, to four decimals, so the letter carries the figure the score used. */
    private static String value(BigDecimal v) {
        return v == null ? "数据缺失" : v.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String plain(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
