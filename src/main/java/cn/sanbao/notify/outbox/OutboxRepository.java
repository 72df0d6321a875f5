package cn.sanbao.notify.outbox;

import cn.sanbao.notify.ChannelStatus.ChannelCount;
import cn.sanbao.notify.DeliveryAttempt;
import cn.sanbao.notify.OutboxMessage;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import cn.sanbao.shared.jdbc.PositionalRecordMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outbox rows and the delivery log. Inserts join the publication's transaction; the dispatcher's
 * claim / mark statements run on their own (auto-commit) so each step is durable before the next.
 */
@Repository
public class OutboxRepository {

    /** A message that is no warning notice (e.g. a report e-mail) has no publication or warning: read as 0. */
    private static final String COLS = "id, coalesce(publication_id, 0), coalesce(warning_id, 0), unit_code, recipient_type, recipient_name, channel, "
            + "address, subject, body, idempotency_key, status, attempts, attempt_id, claimed_at, next_attempt_at, age_from, "
            + "created_at, sent_at, last_error";

    /** By position: the by-name mapping cost an exception per row and field on H2 (see docs/console.md). */
    private static final PositionalRecordMapper<OutboxMessage> MESSAGE_ROW = PositionalRecordMapper.of(OutboxMessage.class);

    private final JdbcClient jdbc;
    /** Runs the batch claim as one short transaction, so its row locks hold until every claimed row is marked. */
    private final TransactionTemplate claimTx;

    public OutboxRepository(JdbcClient jdbc) {
        this(jdbc, null);
    }

    @Autowired
    public OutboxRepository(JdbcClient jdbc, PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.claimTx = tm == null ? null : new TransactionTemplate(tm);
        if (claimTx != null) claimTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void insert(Long publicationId, Long warningId, String unit, String recipientType, String recipientName,
                       String channel, String address, String subject, String body, String key, LocalDateTime at) {
        jdbc.sql("insert into warning_outbox (publication_id, warning_id, unit_code, recipient_type, recipient_name, channel, "
                        + "address, subject, body, idempotency_key, status, attempts, next_attempt_at, age_from, created_at) "
                        + "values (?,?,?,?,?,?,?,?,?,?,?,0,?,?,?)")
                .params(publicationId, warningId, unit, recipientType, recipientName, channel, address, subject, body, key,
                        OutboxMessage.PENDING, at, at, at)
                .update();
    }

    public boolean exists(String idempotencyKey) {
        return jdbc.sql("select count(*) from warning_outbox where idempotency_key = ?").param(idempotencyKey)
                .query(Long.class).single() > 0;
    }

    /**
     * Step 1 for a batch, safe with several instances. Due: pending and past their retry time, or stuck in SENDING
     * past the lease (a crashed attempt). Due rows are locked {@code FOR UPDATE SKIP LOCKED} (rows
     * another dispatcher is claiming are passed over, not waited for) and turned to SENDING with a fresh attempt
     * id each, in one transaction. Returns the messages as read before the claim, with their attempt ids.
     */
    List<Claim> claimDue(LocalDateTime now, LocalDateTime leaseCutoff, Collection<String> channels, Long publicationId,
                                 int limit) {
        if (channels.isEmpty()) return List.of();
        java.util.function.Supplier<List<Claim>> claim = () -> {
            List<OutboxMessage> due = jdbc.sql("select " + COLS + " from warning_outbox where channel in (:channels) "
                            + "and ((status = 'PENDING' and next_attempt_at <= :now) or (status = 'SENDING' and claimed_at <= :cutoff)) "
                            + (publicationId == null ? "" : "and publication_id = :pub ")
                            + "order by next_attempt_at, id fetch first :limit rows only for update skip locked")
                    .param("channels", channels).param("now", now).param("cutoff", leaseCutoff)
                    .param("pub", publicationId).param("limit", limit)
                    .query(MESSAGE_ROW).list();
            List<Claim> claimed = new java.util.ArrayList<>(due.size());
            for (OutboxMessage m : due) {
                String attemptId = java.util.UUID.randomUUID().toString();
                if (claim(m, attemptId, now)) claimed.add(new Claim(m, attemptId));
            }
            return claimed;
        };
        return claimTx == null ? claim.get() : claimTx.execute(s -> claim.get());
    }

    /** A message this dispatcher claimed, as read before the claim, and the attempt id it holds. */
    record Claim(OutboxMessage message, String attemptId) {
    }

    /** Step 1: claim with a fresh attempt id, only if nobody changed the row since we read it. */
    boolean claim(OutboxMessage m, String attemptId, LocalDateTime now) {
        return jdbc.sql("update warning_outbox set status = 'SENDING', attempt_id = ?, claimed_at = ?, attempts = attempts + 1 "
                        + "where id = ? and status = ? and attempts = ?")
                .params(attemptId, now, m.id(), m.status(), m.attempts()).update() == 1;
    }

    /** Step 3: mark sent, only by the attempt that holds the claim. */
    boolean markSent(long id, String attemptId, LocalDateTime now) {
        return jdbc.sql("update warning_outbox set status = 'SENT', sent_at = ?, last_error = null where id = ? and attempt_id = ? "
                + "and status = 'SENDING'").params(now, id, attemptId).update() == 1;
    }

    boolean markRetry(long id, String attemptId, LocalDateTime next, String status, String error) {
        return jdbc.sql("update warning_outbox set status = ?, next_attempt_at = ?, last_error = ? where id = ? and attempt_id = ? "
                + "and status = 'SENDING'").params(status, next, cut(error), id, attemptId).update() == 1;
    }

    /** Manual retry of a FAILED message: due at once, and its maximum age counts from now. */
    public boolean retry(long id, LocalDateTime now) {
        return jdbc.sql("update warning_outbox set status = 'PENDING', next_attempt_at = ?, age_from = ? where id = ? and status = 'FAILED'")
                .params(now, now, id).update() == 1;
    }

    long logStart(long messageId, int attemptNo, String attemptId, LocalDateTime at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into warning_delivery_log (message_id, attempt_no, attempt_id, started_at, outcome) values (?,?,?,?,?)")
                .params(messageId, attemptNo, attemptId, at, "STARTED").update(keys, "id");
        return keys.getKey().longValue();
    }

    void logEnd(long logId, LocalDateTime at, String outcome, String detail) {
        jdbc.sql("update warning_delivery_log set finished_at = ?, outcome = ?, detail = ? where id = ?")
                .params(at, outcome, cut(detail), logId).update();
    }

    public Optional<OutboxMessage> byKey(String idempotencyKey) {
        return jdbc.sql("select " + COLS + " from warning_outbox where idempotency_key = ?").param(idempotencyKey)
                .query(MESSAGE_ROW).optional();
    }

    /** Callers pass a page's worth of keys (at most a few hundred): one IN list. */
    public List<OutboxMessage> byKeys(Collection<String> keys) {
        return jdbc.sql("select " + COLS + " from warning_outbox where idempotency_key in (:keys) order by id").param("keys", keys)
                .query(MESSAGE_ROW).list();
    }

    public Optional<OutboxMessage> find(long id) {
        return jdbc.sql("select " + COLS + " from warning_outbox where id = ?").param(id).query(MESSAGE_ROW).optional();
    }

    public List<OutboxMessage> ofWarning(long warningId) {
        return jdbc.sql("select " + COLS + " from warning_outbox where warning_id = ? order by id").param(warningId)
                .query(MESSAGE_ROW).list();
    }

    public List<OutboxMessage> ofPublication(long publicationId) {
        return jdbc.sql("select " + COLS + " from warning_outbox where publication_id = ? order by id").param(publicationId)
                .query(MESSAGE_ROW).list();
    }

    /** The warnings' delivery log lists warning notices only (report e-mails are logged with their report). */
    private static final String NOTICES = "from warning_outbox where warning_id is not null ";

    public List<OutboxMessage> recent(String statusOrNull, int limit) {
        return jdbc.sql("select " + COLS + " " + NOTICES + (statusOrNull == null ? "" : "and status = :status ")
                        + "order by id desc fetch first :limit rows only")
                .param("status", statusOrNull).param("limit", limit).query(MESSAGE_ROW).list();
    }

    /** One page of the delivery log, newest first, optionally of one status; with {@link #count}. */
    public List<OutboxMessage> page(String statusOrNull, long offset, int limit) {
        return jdbc.sql("select " + COLS + " " + NOTICES + (statusOrNull == null ? "" : "and status = :status ")
                        + "order by id desc offset :off rows fetch next :limit rows only")
                .param("status", statusOrNull).param("off", offset).param("limit", limit).query(MESSAGE_ROW).list();
    }

    public long count(String statusOrNull) {
        return jdbc.sql("select count(*) " + NOTICES + (statusOrNull == null ? "" : "and status = :status"))
                .param("status", statusOrNull).query(Long.class).single();
    }

    /** Messages per channel and status, for the operations metrics and readiness (docs/operations.md). */
    public List<ChannelCount> countsByChannel() {
        return jdbc.sql("select channel, status, count(*) from warning_outbox group by channel, status")
                .query((rs, n) -> new ChannelCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    public List<DeliveryAttempt> log(long messageId) {
        return jdbc.sql("select id, message_id, attempt_no, attempt_id, started_at, finished_at, outcome, detail "
                + "from warning_delivery_log where message_id = ? order by id").param(messageId).query(DeliveryAttempt.class).list();
    }

    private static String cut(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 999) + "…";
    }
}
