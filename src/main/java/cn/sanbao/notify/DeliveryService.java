package cn.sanbao.notify;

import cn.sanbao.notify.outbox.OutboxDispatcher;
import cn.sanbao.notify.outbox.OutboxRepository;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.shared.web.Page;
import cn.sanbao.shared.web.PageRequest;

/** The delivery log for the department, and the manual retry of a FAILED message (audited). */
@Service
public class DeliveryService {

    private final OutboxRepository outbox;
    private final OutboxDispatcher dispatcher;
    private final AuditLog audit;
    private final Clock clock;

    public DeliveryService(OutboxRepository outbox, OutboxDispatcher dispatcher, AuditLog audit, ObjectProvider<Clock> clock) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    @PreAuthorize("hasAnyRole('ANALYST','LEADER')")
    public List<OutboxMessage> messages(String status, int limit) {
        return outbox.recent(status == null || status.isBlank() ? null : status, limit);
    }

    /** One page of the log (newest first) and the count of all messages of the status. */
    @PreAuthorize("hasAnyRole('ANALYST','LEADER')")
    public Page<OutboxMessage> messages(String status, PageRequest page) {
        String s = status == null || status.isBlank() ? null : status;
        return Page.of(outbox.page(s, page.offset(), page.size()), page, outbox.count(s));
    }

    @PreAuthorize("hasAnyRole('ANALYST','LEADER')")
    public List<DeliveryAttempt> log(long messageId) {
        return outbox.log(messageId);
    }

    @PreAuthorize("hasRole('ANALYST')")
    public void retry(long messageId, String actor) {
        if (!outbox.retry(messageId, LocalDateTime.now(clock)))
            throw new IllegalArgumentException("消息 #" + messageId + " 不是“发送失败”状态，不能手动重发");
        audit.record(actor, "WARNING_MESSAGE_RETRY", "message:" + messageId, "手动重发预警消息");
        dispatcher.dispatchOne(messageId);
    }
}
