package cn.sanbao.cashwatch.web;

import cn.sanbao.cashwatch.CashLevelBand;
import cn.sanbao.cashwatch.DailyCashWatch;
import cn.sanbao.cashwatch.DayLevel;
import cn.sanbao.security.UnitScope;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the dashboard shows of 库款日监测 (templates call it as {@code @cashWatchPanels}): the latest day's count of
 * visible units per band. Cheap: {@link DailyCashWatch#onDay} keeps the day's levels until a revision is added.
 */
@Component("cashWatchPanels")
public class CashWatchPanels {

    /** The latest day and its units per band (every band present, 0 when none); null when there is no balance yet. */
    public record Summary(LocalDate day, Map<CashLevelBand, Integer> counts) {
        public int total() { return counts.values().stream().mapToInt(Integer::intValue).sum(); }
    }

    private final DailyCashWatch watch;
    private final UnitScope scope;

    CashWatchPanels(DailyCashWatch watch, UnitScope scope) {
        this.watch = watch;
        this.scope = scope;
    }

    public Summary summary() {
        LocalDate day = watch.latestDay().orElse(null);
        if (day == null) return null;
        Map<CashLevelBand, Integer> counts = new EnumMap<>(CashLevelBand.class);
        for (CashLevelBand b : CashLevelBand.values()) counts.put(b, 0);
        for (DayLevel l : watch.onDay(day, scope.visible())) counts.merge(l.band(), 1, Integer::sum);
        return new Summary(day, counts);
    }

    /** Chinese name of a revision's source: upload, demo data or a connector. */
    public String sourceLabel(String source) {
        if (source == null) return "—";
        if (source.equals("upload")) return "文件上传";
        if (source.equals("demo")) return "演示数据";
        if (source.startsWith("connector:")) return "数据提取（连接器 " + source.substring("connector:".length()) + "）";
        return source;
    }
}
