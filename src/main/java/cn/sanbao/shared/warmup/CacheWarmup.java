package cn.sanbao.shared.warmup;

/**
 * A module's expensive cache, filled once after start-up before the instance reports ready. Without it the first
 * users of a fresh instance all compute the same month's caches at once (docs/console.md: p99 about 30 s).
 */
public interface CacheWarmup {

    /** What is warmed, for the log (Chinese, e.g. "总览排名"). */
    String name();

    /** Fills the cache; a failure is logged and the instance still becomes ready (the first request computes instead). */
    void warm();
}
