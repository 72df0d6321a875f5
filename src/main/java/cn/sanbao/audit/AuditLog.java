package cn.sanbao.audit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Append-only audit trail of imports, model changes and scoring runs. Writes join the caller's
 * transaction, so an action that rolls back leaves no misleading entry behind. Each record is chained
 * to the one before by a hash ({@link AuditHash}); the chain head row is locked while a record is
 * written so that concurrent writers never fork the chain. Inside a transaction the record is appended
 * just before commit: a long import then holds the chain lock for milliseconds, not for minutes, and the
 * chain follows commit order.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionOperations tx;

    public AuditLog(JdbcClient jdbc, ObjectProvider<Clock> clock, TransactionOperations tx) {
        this.jdbc = jdbc;
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
        String prev = jdbc.sql("select last_hash from audit_chain_head where id = 1 for update")
                .query(String.class).optional().orElse(null);
        String hash = AuditHash.of(e, prev);
        jdbc.sql("insert into audit_event (occurred_at, actor, action, target, detail, remote_addr, prev_hash, hash) "
                        + "values (:at, :actor, :action, :target, :detail, :addr, :prev, :hash)")
                .param("at", Timestamp.valueOf(e.occurredAt()))
                .param("actor", e.actor()).param("action", e.action())
                .param("target", e.target()).param("detail", e.detail())
                .param("addr", e.remoteAddr()).param("prev", prev).param("hash", hash)
                .update();
        jdbc.sql("update audit_chain_head set last_hash = ?, last_id = (select max(id) from audit_event) where id = 1")
                .param(hash).update();
    }

    /** Newest first. */
    public List<AuditEvent> recent(int limit) {
        return jdbc.sql("select id, occurred_at, actor, action, target, detail, remote_addr from audit_event "
                        + "order by occurred_at desc, id desc fetch first :limit rows only")
                .param("limit", Math.max(0, limit))
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toLocalDateTime(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"),
                        rs.getString("detail"), rs.getString("remote_addr")))
                .list();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
