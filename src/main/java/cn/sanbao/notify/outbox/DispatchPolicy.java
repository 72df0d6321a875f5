package cn.sanbao.notify.outbox;

import java.time.Duration;

/**
 * Retry timing: the n-th failure waits {@code baseBackoff × 2^(n-1)}, at most {@code maxBackoff}; a message
 * still undelivered {@code maxAge} after it was created (or manually retried) is marked FAILED. A message
 * left in SENDING longer than {@code lease} (a crash between send and mark) is sent again with the same key.
 */
public record DispatchPolicy(Duration baseBackoff, Duration maxBackoff, Duration maxAge, Duration lease, int batchSize) {

    public static DispatchPolicy defaults() {
        return new DispatchPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofMinutes(5), 100);
    }

    public Duration backoff(int failures) {
        long factor = 1L << Math.min(20, Math.max(0, failures - 1));
        Duration d = baseBackoff.multipliedBy(factor);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
