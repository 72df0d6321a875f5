package cn.sanbao.audit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Append-only audit trail of imports, model changes and scoring runs. Writes join the caller's
 * transaction, so an action that rolls back leaves no misleading entry behind. Each record is chained
 * to the one before by a keyed hash ({@link AuditHash}, key from {@link AuditKeys}); the chain head row is locked while a record is
 * written so that concurrent writers never fork the chain. Inside a transaction the record is appended
 * just before commit: a long import then holds the chain lock for milliseconds, not for minutes, and the
 * chain follows commit order.
 */
@Service
public class AuditLog {

    private final AuditRepository repository;
    private final Clock clock;
    private final TransactionOperations tx;
    private final AuditKeys keys;

    public AuditLog(AuditRepository repository, ObjectProvider<Clock> clock, TransactionOperations tx, AuditKeys keys) {
        this.repository = repository;
        this.keys = keys;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
        this.tx = tx;
    }

    public void record(String actor, String action, String target, String detail) {
        record(actor, action, target, detail, null);
    }

    /** Over-long target or detail is cut to the column width rather than losing the whole entry. */
    public void record(String actor, String action, String target, String detail, String remoteAddr) {
        if (actor == null || actor.isBlank()) throw new IllegalArgumentException("审计记录的操作人不能为空");
        if (action == null || action.isBlank()) throw new IllegalArgumentException("审计记录的操作类型不能为空");
        LocalDateTime at = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        AuditEvent e = new AuditEvent(0, at, cut(actor, 64), cut(action, 64), cut(target, 300), cut(detail, 4000),
                cut(remoteAddr, 64));
        if (TransactionSynchronizationManager.isSynchronizationActive() && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    append(e);
                }
            });
        } else {
            tx.executeWithoutResult(s -> append(e));
        }
    }

    private void append(AuditEvent e) {
        AuditRepository.Head head = repository.lockHead();
        String prev = head.lastHash();
        if (head.scheme() == null) {
            AuditChainUpgrade.Result r = new AuditChainUpgrade(repository, keys).run(prev);
            prev = insert(event("AUDIT_RECHAIN", "升级审计链：以 HMAC-SHA256（密钥 " + keys.currentId() + "）重新链接历史记录 "
                    + r.records() + " 条；升级前：" + r.oldChain(), e), r.lastHash());
        } else if (head.keyId() != null && !head.keyId().equals(keys.currentId())) {
            prev = insert(event("AUDIT_KEY_ROTATE", "审计密钥轮换：" + head.keyId() + " → " + keys.currentId()
                    + "；此前的记录须以 sanbao.audit.retired-keys 中的旧密钥校验", e), prev);
        }
        insert(e, prev);
    }

    /** A record of the chain itself, stamped with the time of the record that caused it (so it lists just before it). */
    private static AuditEvent event(String action, String detail, AuditEvent cause) {
        return new AuditEvent(0, cause.occurredAt(), "system", action, "audit", detail, null);
    }

    /** Appends one record signed with the current key and moves the chain head to it; returns its hash. */
    private String insert(AuditEvent e, String prev) {
        String kid = keys.currentId();
        String hash = AuditHash.of(e, prev, keys, kid);
        repository.append(e, prev, hash, kid);
        return hash;
    }

    /** Newest first. */
    public List<AuditEvent> recent(int limit) {
        return repository.recent(limit);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
