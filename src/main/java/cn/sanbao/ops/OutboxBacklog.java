package cn.sanbao.ops;

import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import cn.sanbao.notify.ChannelStatus;
import cn.sanbao.notify.ChannelStatus.ChannelCount;

/**
 * The outbox counts per channel and status, read at most every few seconds however often Prometheus scrapes
 * and readiness is probed (one grouped count over the outbox table).
 */
@Component
class OutboxBacklog {

    private static final Duration FRESH = Duration.ofSeconds(5);

    private final ChannelStatus outbox;
    private volatile List<ChannelCount> counts = List.of();
    private volatile long readAt;

    OutboxBacklog(ChannelStatus outbox) {
        this.outbox = outbox;
    }

    List<ChannelCount> counts() {
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt > FRESH.toNanos()) {
            counts = outbox.countsByChannel();
            readAt = now;
        }
        return counts;
    }

    long of(String channel, boolean backlog, String status) {
        return counts().stream().filter(c -> channel == null || c.channel().equals(channel))
                .filter(c -> backlog ? c.backlog() : c.status().equals(status)).mapToLong(ChannelCount::count).sum();
    }

    long backlog() {
        return of(null, true, null);
    }
}
