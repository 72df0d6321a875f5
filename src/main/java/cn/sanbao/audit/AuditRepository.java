package cn.sanbao.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables audit_event and audit_chain_head. Public only so that a restore test can check the chain of a restored
 * copy; other modules write through {@link AuditLog} and read through {@link AuditTrail}.
 */
@Repository
public class AuditRepository {

    private static final String EVENT = "id, occurred_at, actor, action, target, detail, remote_addr";

    /** The chain head row: newest record's id and hash, the hash scheme (null before V621) and the signing key. */
    record Head(Long lastId, String lastHash, String scheme, String keyId) {
    }

    /** A record with its chain columns. */
    record Chained(AuditEvent event, String prevHash, String hash, String keyId) {
    }

    private final JdbcClient jdbc;

    public AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The chain head, locked until the transaction ends so that concurrent writers never fork the chain. */
    Head lockHead() {
        return jdbc.sql("select last_id, last_hash, scheme, key_id from audit_chain_head where id = 1 for update")
                .query((rs, n) -> head(rs)).single();
    }

    Head head() {
        return jdbc.sql("select last_id, last_hash, scheme, key_id from audit_chain_head where id = 1")
                .query((rs, n) -> head(rs)).single();
    }

    /** Appends one signed record and moves the chain head to it. */
    void append(AuditEvent e, String prev, String hash, String kid) {
        jdbc.sql("insert into audit_event (occurred_at, actor, action, target, detail, remote_addr, prev_hash, hash, key_id) "
                        + "values (:at, :actor, :action, :target, :detail, :addr, :prev, :hash, :kid)")
                .param("at", Timestamp.valueOf(e.occurredAt()))
                .param("actor", e.actor()).param("action", e.action())
                .param("target", e.target()).param("detail", e.detail())
                .param("addr", e.remoteAddr()).param("prev", prev).param("hash", hash).param("kid", kid)
                .update();
        jdbc.sql("update audit_chain_head set last_hash = ?, last_id = (select max(id) from audit_event), key_id = ?, "
                + "scheme = 'HMAC1' where id = 1").params(hash, kid).update();
    }

    /** Newest first. */
    List<AuditEvent> recent(int limit) {
        return jdbc.sql("select " + EVENT + " from audit_event "
                        + "order by occurred_at desc, id desc fetch first :limit rows only")
                .param("limit", Math.max(0, limit))
                .query((rs, n) -> event(rs)).list();
    }

    /** Newest first, at most {@code max}; {@code actionCodes} are the codes whose Chinese name matches the action filter. */
    List<AuditEvent> search(AuditQuery q, List<String> actionCodes, int max) {
        StringBuilder sql = new StringBuilder("select " + EVENT + " from audit_event where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (notBlank(q.actor())) { sql.append(" and lower(actor) like ?"); params.add(like(q.actor())); }
        if (notBlank(q.action())) {
            // the filter matches the Chinese name shown (登录) as well as the code (LOGIN)
            sql.append(" and (upper(action) like ?");
            params.add("%" + q.action().trim().toUpperCase() + "%");
            if (!actionCodes.isEmpty()) {
                sql.append(" or action in (").append(String.join(", ", Collections.nCopies(actionCodes.size(), "?"))).append(")");
                params.addAll(actionCodes);
            }
            sql.append(")");
        }
        if (notBlank(q.target())) { sql.append(" and lower(target) like ?"); params.add(like(q.target())); }
        if (q.from() != null) { sql.append(" and occurred_at >= ?"); params.add(Timestamp.valueOf(q.from().atStartOfDay())); }
        if (q.to() != null) { sql.append(" and occurred_at < ?"); params.add(Timestamp.valueOf(q.to().plusDays(1).atStartOfDay())); }
        sql.append(" order by id desc fetch first ").append(max).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> event(rs)).list();
    }

    /** Streams the records with id up to {@code lastId} in id order (the whole trail is never held in memory). */
    void forEachUpTo(long lastId, Consumer<Chained> each) {
        jdbc.sql("select " + EVENT + ", prev_hash, hash, key_id from audit_event where id <= ? order by id").param(lastId)
                .query(rs -> {
                    each.accept(new Chained(event(rs), rs.getString("prev_hash"), rs.getString("hash"), rs.getString("key_id")));
                });
    }

    /** One page of records after {@code after}, in id order (key id not read: the upgrade re-signs them all). */
    List<Chained> page(long after, int size) {
        return jdbc.sql("select " + EVENT + ", prev_hash, hash from audit_event "
                        + "where id > ? order by id fetch first " + size + " rows only").param(after)
                .query((rs, n) -> new Chained(event(rs), rs.getString("prev_hash"), rs.getString("hash"), null)).list();
    }

    /** Re-links and re-signs records; each row is {prev_hash, hash, key_id, id}. */
    void rechain(List<Object[]> updates) {
        for (Object[] u : updates) jdbc.sql("update audit_event set prev_hash = ?, hash = ?, key_id = ? where id = ?").params(u).update();
    }

    Optional<String> hashOf(long id) {
        return jdbc.sql("select hash from audit_event where id = ?").param(id).query(String.class).optional();
    }

    /** Hash of the chain's first record. */
    Optional<String> firstHash() {
        return jdbc.sql("select hash from audit_event where id = (select min(id) from audit_event)").query(String.class).optional();
    }

    private static Head head(ResultSet rs) throws SQLException {
        return new Head(rs.getObject(1) == null ? null : rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    /** An audit record from the standard columns of a result set. */
    static AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toLocalDateTime(), rs.getString("actor"),
                rs.getString("action"), rs.getString("target"), rs.getString("detail"), rs.getString("remote_addr"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String like(String s) {
        return "%" + s.trim().toLowerCase() + "%";
    }
}
