package cn.sanbao.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reading the audit trail: search for the audit administrator, and verification of the hash chain. */
@Service
public class AuditTrail {

    public static final int MAX_ROWS = 5000;

    private final JdbcClient jdbc;

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first, at most {@link #MAX_ROWS} records. */
    public List<AuditEvent> search(AuditQuery q) {
        StringBuilder sql = new StringBuilder("select id, occurred_at, actor, action, target, detail, remote_addr "
                + "from audit_event where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (notBlank(q.actor())) { sql.append(" and lower(actor) like ?"); params.add(like(q.actor())); }
        if (notBlank(q.action())) {
            // the filter matches the Chinese name shown (登录) as well as the code (LOGIN)
            sql.append(" and (upper(action) like ?");
            params.add("%" + q.action().trim().toUpperCase() + "%");
            List<String> named = AuditActions.matching(q.action());
            if (!named.isEmpty()) {
                sql.append(" or action in (").append(String.join(", ", java.util.Collections.nCopies(named.size(), "?"))).append(")");
                params.addAll(named);
            }
            sql.append(")");
        }
        if (notBlank(q.target())) { sql.append(" and lower(target) like ?"); params.add(like(q.target())); }
        if (q.from() != null) { sql.append(" and occurred_at >= ?"); params.add(Timestamp.valueOf(q.from().atStartOfDay())); }
        if (q.to() != null) { sql.append(" and occurred_at < ?"); params.add(Timestamp.valueOf(q.to().plusDays(1).atStartOfDay())); }
        sql.append(" order by id desc fetch first ").append(MAX_ROWS).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new AuditEvent(rs.getLong("id"),
                rs.getTimestamp("occurred_at").toLocalDateTime(), rs.getString("actor"), rs.getString("action"),
                rs.getString("target"), rs.getString("detail"), rs.getString("remote_addr"))).list();
    }

    /**
     * Walks the records in id order, recomputing each hash and checking each link to the record before;
     * also checks that the newest record is the chain head (so a deleted last record is noticed).
     * Records written before chaining began (no hash, before the first chained record) are counted apart.
     */
    public ChainCheck verify() {
        long[] checked = {0}, unchained = {0};
        String[] previous = {null};
        boolean[] started = {false};
        ChainCheck[] broken = {null};
        // Only up to the chain head read first: records committed while verifying are left for next time.
        Long headId = jdbc.sql("select last_id from audit_chain_head where id = 1").query(Long.class).optional().orElse(null);
        String head = jdbc.sql("select last_hash from audit_chain_head where id = 1").query(String.class).optional().orElse(null);
        jdbc.sql("select id, occurred_at, actor, action, target, detail, remote_addr, prev_hash, hash from audit_event "
                        + "where id <= ? order by id").param(headId == null ? Long.MAX_VALUE : headId)
                .query(rs -> {
                    if (broken[0] != null) return;
                    long id = rs.getLong("id");
                    String hash = rs.getString("hash");
                    String prev = rs.getString("prev_hash");
                    if (hash == null && !started[0]) { unchained[0]++; return; }
                    started[0] = true;
                    checked[0]++;
                    AuditEvent e = new AuditEvent(id, rs.getTimestamp("occurred_at").toLocalDateTime(), rs.getString("actor"),
                            rs.getString("action"), rs.getString("target"), rs.getString("detail"), rs.getString("remote_addr"));
                    if (!Objects.equals(prev, previous[0])) {
                        broken[0] = new ChainCheck(checked[0], unchained[0], id, "记录 #" + id + " 与前一条记录的链接不符（前一条记录被删除或改动）");
                    } else if (hash == null || !hash.equals(AuditHash.of(e, prev))) {
                        broken[0] = new ChainCheck(checked[0], unchained[0], id, "记录 #" + id + " 的内容与其哈希值不符（记录被改动）");
                    }
                    previous[0] = hash;
                });
        if (broken[0] != null) return broken[0];
        if (!Objects.equals(head, previous[0]))
            return new ChainCheck(checked[0], unchained[0], null, "最新记录与链头不符（最后的记录被删除）");
        return new ChainCheck(checked[0], unchained[0], null, null);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String like(String s) {
        return "%" + s.trim().toLowerCase() + "%";
    }
}
