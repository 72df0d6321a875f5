package cn.sanbao.shared.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Work that must not run on two instances side by side (e.g. filling an empty database on first start): runs it
 * under a named ShedLock row, waiting while another instance holds that lock. The work decides under the lock whether
 * anything is left to do, so the instance that waited finds the other's result and skips.
 */
@Component
public class ClusterOnce {

    private static final Logger log = LoggerFactory.getLogger(ClusterOnce.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final LockProvider locks;

    public ClusterOnce(LockProvider locks) {
        this.locks = locks;
    }

    /**
     * Runs {@code work} holding lock {@code name}; the lock lapses after {@code atMost} if this instance dies meanwhile,
     * so a waiting instance gives up only after that (and a little more) has passed.
     */
    public void run(String name, Duration atMost, Runnable work) {
        long until = System.nanoTime() + atMost.plusMinutes(1).toNanos();
        Optional<SimpleLock> lock;
        boolean waited = false;
        while ((lock = locks.lock(new LockConfiguration(Instant.now(), name, atMost, Duration.ZERO))).isEmpty()) {
            if (!waited) log.info("另一实例正在执行“{}”，等待其完成", name);
            waited = true;
            if (System.nanoTime() > until) throw new IllegalStateException("锁“" + name + "”被占用超过 " + atMost + "，未执行");
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("等待锁“" + name + "”时被中断", e);
            }
        }
        try {
            work.run();
        } finally {
            lock.get().unlock();
        }
    }
}
