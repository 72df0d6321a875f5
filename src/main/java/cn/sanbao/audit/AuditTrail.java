package cn.sanbao.audit;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/** Reading the audit trail: search for the audit administrator, and verification of the keyed hash chain and its anchors. */
@Service
public class AuditTrail {

    public static final int MAX_ROWS = 5000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditRepository repository;
    private final AuditKeys keys;
    private final AuditAnchor anchor;

    public AuditTrail(AuditRepository repository, AuditKeys keys, AuditAnchor anchor) {
        this.repository = repository;
        this.keys = keys;
        this.anchor = anchor;
    }

    /** Newest first, at most {@link #MAX_ROWS} records. */
    public List<AuditEvent> search(AuditQuery q) {
        List<String> named = q.action() == null || q.action().isBlank() ? List.of() : AuditActions.matching(q.action());
        return repository.search(q, named, MAX_ROWS);
    }

    /**
     * Walks the records in id order, recomputing each keyed hash and checking each link to the record before;
     * checks that the newest record is the chain head, and that every anchor written outside the database still
     * matches (so deleting the newest records, or re-chaining, is noticed). A record without hash is an error:
     * since the upgrade (V621) every record carries one. Reports the first problem found.
     */
    public ChainCheck verify() {
        long[] checked = {0};
        String[] previous = {null};
        String[] genesis = {null};
        ChainCheck[] broken = {null};
        AuditRepository.Head head = repository.head();
        List<AuditAnchor.Anchor> anchors = anchor.read();
        Set<Long> anchored = new HashSet<>();
        anchors.forEach(a -> anchored.add(a.id()));
        Map<Long, String> seen = new HashMap<>();
        // Only up to the chain head read first: records committed while verifying are left for next time.
        repository.forEachUpTo(head.lastId() == null ? Long.MAX_VALUE : head.lastId(), r -> {
            if (broken[0] != null) return;
            AuditEvent e = r.event();
            String hash = r.hash(), prev = r.prevHash(), kid = r.keyId();
            String at = "记录 #" + e.id() + "（" + TIME.format(e.occurredAt()) + "，" + e.actor() + "，" + AuditActions.name(e.action()) + "）";
            checked[0]++;
            if (genesis[0] == null) genesis[0] = hash;
            if (hash == null)
                broken[0] = broken(checked[0], e.id(), at + "没有哈希值：哈希被清除（升级后每条记录都有哈希，不存在“链前历史”）");
            else if (!Objects.equals(prev, previous[0]))
                broken[0] = broken(checked[0], e.id(), at + "与前一条记录的链接不符：前一条记录被删除、插入或改动");
            else if (!keys.knows(kid))
                broken[0] = broken(checked[0], e.id(), at + "以未知密钥 " + kid + " 签名：密钥被替换，或未在 sanbao.audit.retired-keys 中配置轮换前的旧密钥");
            else if (!hash.equals(AuditHash.of(e, prev, keys, kid)))
                broken[0] = broken(checked[0], e.id(), at + "的内容与其 HMAC 不符：记录被改动，或被不持有密钥的人重新计算了哈希");
            if (anchored.contains(e.id())) seen.put(e.id(), hash);
            previous[0] = hash;
        });
        if (broken[0] != null) return broken[0];
        if (!Objects.equals(head.lastHash(), previous[0]))
            return broken(checked[0], null, "最新记录与链头不符（最后的记录被删除）");
        return checkAnchors(checked[0], anchors, seen, genesis[0] == null ? "-" : genesis[0]);
    }

    private ChainCheck checkAnchors(long checked, List<AuditAnchor.Anchor> anchors, Map<Long, String> seen, String genesis) {
        String where = "锚定文件 " + anchor.file().toAbsolutePath();
        long count = 0;
        for (AuditAnchor.Anchor a : anchors) {
            if (!anchor.genuine(a)) return broken(checked, null, where + " 第 " + a.line() + " 行签名无效：锚定文件被改动");
            if (!a.genesis().equals(genesis)) continue;
            count++;
            String now = seen.containsKey(a.id()) ? seen.get(a.id())
                    : repository.hashOf(a.id()).orElse(null);
            if (now == null)
                return broken(checked, a.id(), "记录 #" + a.id() + " 已于 " + a.time() + " 锚定，现已不存在：最新的记录被删除（" + where + " 第 " + a.line() + " 行）");
            if (!now.equals(a.hash()))
                return broken(checked, a.id(), "记录 #" + a.id() + " 与 " + a.time() + " 的锚定值不符：该记录在锚定后被改写或整条链被重新链接（"
                        + where + " 第 " + a.line() + " 行）");
        }
        if (count == 0 && !anchors.isEmpty())
            return broken(checked, null, where + " 中没有属于当前审计链的锚定点：审计链被整体替换或清空，或锚定文件配置错误");
        return new ChainCheck(checked, count, null, null);
    }

    private static ChainCheck broken(long checked, Long id, String reason) {
        return new ChainCheck(checked, 0, id, reason);
    }

}
