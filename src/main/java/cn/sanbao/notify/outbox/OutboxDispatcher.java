package cn.sanbao.notify.outbox;

import cn.sanbao.notify.OutboxMessage;
import cn.sanbao.notify.channel.Channel;
import cn.sanbao.notify.channel.DeliveryException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due outbox messages. Protocol per message (each step committed before the next):
 * <ol>
 * <li>claim: PENDING (or SENDING past the lease) → SENDING with a new attempt id, attempts + 1, and a
 * delivery-log line STARTED; a batch is claimed {@code FOR UPDATE SKIP LOCKED}, so dispatchers on several
 * instances each take different rows;</li>
 * <li>send through the channel with the message's fixed idempotency key;</li>
 * <li>mark: SENT (log SENT), or back to PENDING with an exponential backoff (log ERROR), or FAILED
 * once older than the maximum age.</li>
 * </ol>
 * A crash between 2 and 3 leaves the row in SENDING; after the lease it is claimed again and sent with
 * the SAME key, so a gateway that de-duplicates by key delivers it once.
 */
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final OutboxRepository outbox;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final DispatchPolicy policy;
    private final Clock clock;
    /** Told the channel of every failed attempt (the metric of failures per channel, docs/operations.md). */
    private final java.util.function.Consumer<String> failures;

    public OutboxDispatcher(OutboxRepository outbox, List<Channel> channels, DispatchPolicy policy, Clock clock) {
        this(outbox, channels, policy, clock, channel -> { });
    }

    public OutboxDispatcher(OutboxRepository outbox, List<Channel> channels, DispatchPolicy policy, Clock clock,
                            java.util.function.Consumer<String> failures) {
        this.failures = failures;
        this.outbox = outbox;
        for (Channel c : channels) this.channels.put(c.code(), c);
        this.policy = policy;
        this.clock = clock;
    }

    /** Delivers every due message on a configured channel; returns how many were handed to a gateway. */
    public int dispatchDue() {
        return dispatch(null);
    }

    /** As {@link #dispatchDue()}, limited to one publication's messages. */
    public int dispatchDue(long publicationId) {
        return dispatch(publicationId);
    }

    /** Whether the channel exists here and has its gateway set up. */
    public boolean configured(String channel) {
        Channel c = channels.get(channel);
        return c != null && c.configured();
    }

    /** Delivers one message now if it is due (used by the manual retry and by tests). */
    public boolean dispatchOne(long messageId) {
        LocalDateTime now = LocalDateTime.now(clock);
        OutboxMessage m = outbox.find(messageId).orElse(null);
        if (m == null || !channels.containsKey(m.channel()) || !channels.get(m.channel()).configured()) return false;
        boolean due = OutboxMessage.PENDING.equals(m.status()) && !m.nextAttemptAt().isAfter(now)
                || OutboxMessage.SENDING.equals(m.status()) && !m.claimedAt().isAfter(now.minus(policy.lease()));
        return due && deliver(m);
    }

    private int dispatch(Long publicationId) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<String> usable = channels.values().stream().filter(Channel::configured).map(Channel::code).toList();
        int sent = 0;
        for (OutboxRepository.Claim c : outbox.claimDue(now, now.minus(policy.lease()), usable, publicationId, policy.batchSize()))
            if (send(c.message(), c.attemptId(), now)) sent++;
        return sent;
    }

    private boolean deliver(OutboxMessage m) {
        String attemptId = UUID.randomUUID().toString();
        LocalDateTime start = LocalDateTime.now(clock);
        if (!outbox.claim(m, attemptId, start)) return false; // another dispatcher took it
        return send(m, attemptId, start);
    }

    /** Steps 2 and 3 for a message this dispatcher has claimed. */
    private boolean send(OutboxMessage m, String attemptId, LocalDateTime start) {
        long logId = outbox.logStart(m.id(), m.attempts() + 1, attemptId, start);
        try {
            channels.get(m.channel()).send(m);
        } catch (DeliveryException | RuntimeException e) {
            LocalDateTime now = LocalDateTime.now(clock);
            boolean tooOld = now.isAfter(m.ageFrom().plus(policy.maxAge()));
            String status = tooOld ? OutboxMessage.FAILED : OutboxMessage.PENDING;
            outbox.markRetry(m.id(), attemptId, now.plus(policy.backoff(m.attempts() + 1)), status, e.getMessage());
            outbox.logEnd(logId, now, "ERROR", e.getMessage() + (tooOld ? "（已超过最长重试时间，停止重试）" : ""));
            failures.accept(m.channel());
            log.warn("预警消息 #{} 经{}发送失败（第 {} 次）：{}", m.id(), m.channel(), m.attempts() + 1, e.getMessage());
            return false;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        outbox.markSent(m.id(), attemptId, now);
        outbox.logEnd(logId, now, "SENT", "网关已接收，幂等键 " + m.idempotencyKey());
        return true;
    }
}
