package cn.sanbao.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One-time upgrade of an unkeyed SHA-256 chain (before V621) to the keyed chain: checks the old chain as it
 * stands, then re-chains every record in id order with the current key. Runs inside the first audit write
 * after the upgrade, holding the chain head lock; {@link AuditLog} then records the outcome as AUDIT_RECHAIN.
 */
final class AuditChainUpgrade {

    private static final int PAGE = 1000;

    /** What the upgrade did: records re-chained, the new last hash, and the old chain's state in Chinese. */
    record Result(long records, String lastHash, String oldChain) {
    }

    record Row(AuditEvent event, String prevHash, String hash) {
    }

    private final JdbcClient jdbc;
    private final AuditKeys keys;

    AuditChainUpgrade(JdbcClient jdbc, AuditKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    Result run(String oldHead) {
        String kid = keys.currentId();
        long after = 0, records = 0, prechain = 0;
        String oldPrevious = null, newPrevious = null, broken = null;
        boolean started = false;
        while (true) {
            List<Row> page = page(after);
            if (page.isEmpty()) break;
            List<Object[]> updates = new ArrayList<>();
            for (Row r : page) {
                long id = r.event().id();
                if (broken == null) {
                    if (r.hash() == null && !started) prechain++;
                    else {
                        started = true;
                        if (!Objects.equals(r.prevHash(), oldPrevious)) broken = "在记录 #" + id + " 处链接断开";
                        else if (r.hash() == null || !r.hash().equals(AuditHash.legacy(r.event(), r.prevHash())))
                            broken = "记录 #" + id + " 的内容与其哈希值不符";
                        oldPrevious = r.hash();
                    }
                }
                String hash = AuditHash.of(r.event(), newPrevious, keys, kid);
                updates.add(new Object[] {newPrevious, hash, kid, id});
                newPrevious = hash;
                after = id;
                records++;
            }
            for (Object[] u : updates) jdbc.sql("update audit_event set prev_hash = ?, hash = ?, key_id = ? where id = ?").params(u).update();
        }
        if (broken == null && started && !Objects.equals(oldHead, oldPrevious)) broken = "最新记录与链头不符（最后的记录被删除）";
        String old = records == 0 ? "无历史记录"
                : (broken == null ? "原 SHA-256 链完整" : "原 SHA-256 链已损坏：" + broken)
                + (prechain > 0 ? "；其中 " + prechain + " 条为启用哈希链之前的历史记录" : "");
        return new Result(records, newPrevious, old);
    }

    private List<Row> page(long after) {
        return jdbc.sql("select id, occurred_at, actor, action, target, detail, remote_addr, prev_hash, hash from audit_event "
                        + "where id > ? order by id fetch first " + PAGE + " rows only").param(after)
                .query((rs, n) -> new Row(AuditTrail.event(rs), rs.getString("prev_hash"), rs.getString("hash"))).list();
    }
}
