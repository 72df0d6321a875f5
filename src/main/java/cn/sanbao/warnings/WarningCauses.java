package cn.sanbao.warnings;

import java.util.ArrayList;
import java.util.List;
import cn.sanbao.monitoring.ResultExplanation;

/**
 * What caused a warning, read from the stored explanation: first the sentence saying what decided the
 * grade (an override names its amount), then only the indicators that fell into their worst band, each
 * with its value and the standard it missed. Indicators that merely lost a few points are left out.
 */
final class WarningCauses {

    private WarningCauses() {
    }

    static List<String> of(ResultExplanation e) {
        List<String> out = new ArrayList<>();
        out.add(e.decidedBy());
        for (ResultExplanation.Indicator i : e.indicators()) {
            if (!i.worstBand()) continue;
            out.add(i.name() + " " + i.valueText() + "，处于最低档（" + i.bandShown() + "）"
                    + (i.standardText() == null ? "" : "，标准为 " + i.standardText()));
        }
        return out;
    }
}
