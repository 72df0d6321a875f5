package cn.sanbao.shared.warmup;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link CacheWarmup} when the application is ready. Boot marks the instance as accepting traffic
 * (readiness probe UP) only after the ready listeners have returned, so the load balancer sends users to a warm
 * instance. The wait is bounded (sanbao.warmup.max-wait): a slow warm-up goes on in the background and never keeps
 * an instance out of service.
 */
@Component
public class Warmups {

    private static final Logger log = LoggerFactory.getLogger(Warmups.class);

    private final List<CacheWarmup> warmups;
    private final Duration maxWait;
    private volatile boolean done;

    Warmups(List<CacheWarmup> warmups, @Value("${sanbao.warmup.max-wait:PT60S}") Duration maxWait) {
        this.warmups = warmups;
        this.maxWait = maxWait;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() throws InterruptedException {
        Thread t = new Thread(this::warmAll, "cache-warmup");
        t.setDaemon(true);
        t.start();
        t.join(maxWait.toMillis());
        if (t.isAlive()) log.warn("启动预热超过 {} 秒，实例先接收请求，预热在后台继续", maxWait.toSeconds());
    }

    /** Warms every cache in turn; also what an operator's "open the pages once" did by hand. */
    public void warmAll() {
        long start = System.nanoTime();
        for (CacheWarmup w : warmups) {
            long t = System.nanoTime();
            try {
                w.warm();
                log.info("预热：{} 用时 {} 毫秒", w.name(), (System.nanoTime() - t) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("预热：{} 失败（第一次请求时再计算）：{}", w.name(), e.toString());
            }
        }
        done = true;
        log.info("启动预热完成：{} 项，用时 {} 毫秒", warmups.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** True once every warm-up has run (successfully or not). */
    public boolean done() { return done; }
}
