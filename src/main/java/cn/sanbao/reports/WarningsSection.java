package cn.sanbao.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import cn.sanbao.region.RegionTree;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.table.Table.Kind;
import cn.sanbao.warnings.Publication;
import cn.sanbao.warnings.PublishedWarnings;
import cn.sanbao.warnings.Warning;
import cn.sanbao.warnings.WarningCase;

/** "预警发布与整改": the period's publication, the warnings it issued and where each case stands now. */
@Component
class WarningsSection {

    private final PublishedWarnings warnings;
    private final RegionTree regions;

    WarningsSection(PublishedWarnings warnings, RegionTree regions) {
        this.warnings = warnings;
        this.regions = regions;
    }

    Optional<Publication> publication(String period) {
        return warnings.publication(period);
    }

    /**
     * The case's escalation as it stands (set by the rules or by a person), like the status beside it. The
     * warning itself records only the step taken that month, so reading it left 约谈 and 问责 units blank in
     * every later month and missed decisions taken by hand.
     */
    static String escalation(Warning w, WarningCase c) {
        String standing = c == null ? w.escalationLabel() : c.escalationLabel();
        return standing + (w.escalation() != null && standing.equals(w.escalationLabel()) ? "（本期升级）" : "");
    }

    Report.Section section(String heading, String period, String periodLabel, Predicate<String> units) {
        Optional<Publication> pub = publication(period);
        if (pub.isEmpty())
            return new Report.Section(heading, List.of(periodLabel + "的监测结果尚未发布，未发出预警。"), List.of(), List.of());
        Table.Builder t = Table.builder(periodLabel + "预警发布与整改").text("单位").column("总分", Kind.DECIMAL).text("等级")
                .text("提示函文号").text("处置升级").text("整改状态").text("整改期限");
        int n = 0;
        for (Warning w : warnings.warnings(pub.get().id())) {
            if (!units.test(w.unitCode())) continue;
            WarningCase c = warnings.caseOf(w).orElse(null);
            t.row(regions.unit(w.unitCode()).map(u -> u.name()).orElse(w.unitCode()), w.total(), w.gradeName(), w.letterNo(),
                    escalation(w, c), c == null ? "" : c.statusLabel(),
                    c == null ? "" : c.rectifyDeadline().toString());
            n++;
        }
        String text = periodLabel + "监测结果于 " + pub.get().publishedAt().toLocalDate() + " 发布，"
                + (n == 0 ? "本报告范围内没有单位被预警。" : "本报告范围内向 " + n + " 个单位发出预警，处置情况见下表。");
        return new Report.Section(heading, List.of(text), List.of(), n == 0 ? List.of() : new ArrayList<>(List.of(t.build())));
    }
}
