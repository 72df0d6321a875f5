package cn.sanbao.audit;

import java.time.LocalDateTime;

/** One entry of the audit trail: who did what to which object, and when. */
public record AuditEvent(long id, LocalDateTime occurredAt, String actor, String action, String target,
                         String detail, String remoteAddr) {
}
