package cn.sanbao.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    private final AuditRepository repository;
    private final AuditKeys keys;

    AuditChainUpgrade(AuditRepository repository, AuditKeys keys) {
        this.repository = repository;
        this.keys = keys;
    }

    Result run(String oldHead) {
        String kid = keys.currentId();
        long after = 0, records = 0, prechain = 0;
        String oldPrevious = null, newPrevious = null, broken = null;
        boolean started = false;
        while (true) {
            List<AuditRepository.Chained> page = repository.page(after, PAGE);
            if (page.isEmpty()) break;
            List<Object[]> updates = new ArrayList<>();
            for (AuditRepository.Chained r : page) {
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
            repository.rechain(updates);
        }
        if (broken == null && started && !Objects.equals(oldHead, oldPrevious)) broken = "最新记录与链头不符（最后的记录被删除）";
        String old = records == 0 ? "无历史记录"
                : (broken == null ? "原 SHA-256 链完整" : "原 SHA-256 链已损坏：" + broken)
                + (prechain > 0 ? "；其中 " + prechain + " 条为启用哈希链之前的历史记录" : "");
        return new Result(records, newPrevious, old);
    }
}
