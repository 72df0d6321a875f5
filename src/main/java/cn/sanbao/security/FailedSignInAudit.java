package cn.sanbao.security;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import cn.sanbao.audit.AuditLog;

/**
 * Audits refused sign-ins without letting a flood fill the audit trail: per minute, the first refusal of each
 * (action, account, address) is written at once and the repeats are counted and written as one summary row when
 * the minute is over. One address trying many accounts gets at most {@link #ACCOUNTS_PER_ADDRESS} rows of its
 * own; further accounts are merged under "（多个账号）".
 */
@Component
class FailedSignInAudit {

    static final int ACCOUNTS_PER_ADDRESS = 10;
    static final String MANY = "（多个账号）";

    private record Key(String action, String name, String address) {
    }

    private final AuditLog audit;
    private final Clock clock;
    private final Map<Key, AtomicInteger> repeats = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> accountsOf = new ConcurrentHashMap<>();
    private volatile long minute;

    FailedSignInAudit(AuditLog audit, ObjectProvider<Clock> clock) {
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
        this.minute = currentMinute();
    }

    void record(String action, String name, String detail, String address) {
        if (currentMinute() != minute) flush();
        String addr = address == null ? "-" : address;
        Key key = new Key(action, name, addr);
        AtomicInteger seen = repeats.get(key);
        if (seen == null && accountsOf.computeIfAbsent(action + "|" + addr, a -> new AtomicInteger()).incrementAndGet() > ACCOUNTS_PER_ADDRESS)
            key = new Key(action, MANY, addr);
        boolean[] first = {false};
        AtomicInteger count = repeats.computeIfAbsent(key, k -> {
            first[0] = true;
            return new AtomicInteger();
        });
        if (first[0]) audit.record(key.name(), action, key.name(), key.name().equals(MANY) ? "多个账号：" + detail : detail, address);
        else count.incrementAndGet();
    }

    /** Writes one summary row per key that repeated in the minute just ended. */
    @Scheduled(fixedDelayString = "${sanbao.login.audit-flush:PT1M}")
    @PreDestroy
    synchronized void flush() {
        minute = currentMinute();
        Map<Key, AtomicInteger> done = Map.copyOf(repeats);
        repeats.clear();
        accountsOf.clear();
        done.forEach((k, n) -> {
            if (n.get() > 0)
                audit.record(k.name(), k.action(), k.name(), "同一分钟内同一账号、同一地址又有 " + n.get() + " 次同类记录（已合并）", k.address());
        });
    }

    private long currentMinute() {
        return clock.millis() / 60_000;
    }
}
