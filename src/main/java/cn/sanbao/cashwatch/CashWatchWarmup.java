package cn.sanbao.cashwatch;

import cn.sanbao.shared.warmup.CacheWarmup;
import org.springframework.stereotype.Component;

/** The latest day's levels of every unit, which the dashboard's 库款日监测 panel counts on every visit. */
@Component
class CashWatchWarmup implements CacheWarmup {

    private final DailyCashWatch watch;

    CashWatchWarmup(DailyCashWatch watch) {
        this.watch = watch;
    }

    @Override
    public String name() { return "库款日监测（最近一天各单位水平）"; }

    @Override
    public void warm() {
        watch.latestDay().ifPresent(day -> watch.onDay(day, u -> true));
    }
}
