package cn.sanbao.notify;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What other modules ask of the notification module: queue a message for a recipient on a channel (delivered
 * by the outbox dispatcher with retries and a delivery log), read back the messages they queued, and hand one
 * to its gateway at once. Tables, channels and the dispatcher stay inside the module.
 */
public interface Notifications {

    /** The channels, in the order a person's messages are listed: 短信, 企业微信, 电子邮件. */
    List<String> CHANNELS = List.of("SMS", "WECHAT", "EMAIL");

    /** True when a message with this idempotency key was queued before (it is never queued twice). */
    boolean queued(String idempotencyKey);

    /** Queues the message as 待发送, in the caller's transaction: it is stored with the caller's data or not at all. */
    void queue(Message message, LocalDateTime at);

    /** Whether the channel (SMS, WECHAT, EMAIL) has its gateway set up; messages of other channels wait. */
    boolean configured(String channel);

    /** Tries to deliver the queued message now if it is due; returns it as it stands afterwards. */
    Optional<OutboxMessage> deliverNow(String idempotencyKey);

    List<OutboxMessage> ofWarning(long warningId);

    List<OutboxMessage> ofPublication(long publicationId);

    /** The messages with these idempotency keys (those queued; unknown keys are left out), e.g. to show their status. */
    List<OutboxMessage> byKeys(java.util.Collection<String> idempotencyKeys);

    /**
     * A message to queue. {@code publicationId} and {@code warningId} tie a warning notice to its publication
     * (null for other messages, e.g. a report e-mail); the idempotency key travels with every send.
     */
    record Message(Long publicationId, Long warningId, String unitCode, String recipientType, String recipientName,
                   String channel, String address, String subject, String body, String idempotencyKey) {
    }
}
