package cn.sanbao.notify.outbox;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import cn.sanbao.notify.ChannelStatus;
import cn.sanbao.notify.Notifications;
import cn.sanbao.notify.OutboxMessage;

/** The module's API backed by the outbox table and the dispatcher. */
@Service
class OutboxNotifications implements Notifications, ChannelStatus {

    private final OutboxRepository outbox;
    private final OutboxDispatcher dispatcher;

    OutboxNotifications(OutboxRepository outbox, OutboxDispatcher dispatcher) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
    }

    @Override
    public boolean queued(String idempotencyKey) {
        return outbox.exists(idempotencyKey);
    }

    @Override
    public void queue(Message m, LocalDateTime at) {
        outbox.insert(m.publicationId(), m.warningId(), m.unitCode(), m.recipientType(), m.recipientName(), m.channel(),
                m.address(), m.subject(), m.body(), m.idempotencyKey(), at);
    }

    @Override
    public boolean configured(String channel) {
        return dispatcher.configured(channel);
    }

    @Override
    public Optional<OutboxMessage> deliverNow(String idempotencyKey) {
        Optional<OutboxMessage> m = outbox.byKey(idempotencyKey);
        m.ifPresent(found -> dispatcher.dispatchOne(found.id()));
        return m.flatMap(found -> outbox.find(found.id()));
    }

    @Override
    public List<OutboxMessage> ofWarning(long warningId) {
        return outbox.ofWarning(warningId);
    }

    @Override
    public List<OutboxMessage> ofPublication(long publicationId) {
        return outbox.ofPublication(publicationId);
    }

    @Override
    public List<OutboxMessage> byKeys(java.util.Collection<String> idempotencyKeys) {
        return idempotencyKeys.isEmpty() ? List.of() : outbox.byKeys(idempotencyKeys);
    }

    @Override
    public List<ChannelCount> countsByChannel() {
        return outbox.countsByChannel();
    }
}
