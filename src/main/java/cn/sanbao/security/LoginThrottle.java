package cn.sanbao.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits sign-in attempts per account and per client address with token buckets kept in the database
 * ({@link LoginThrottleRepository}), so every instance behind the load balancer draws on the same buckets.
 * An attempt takes a token from both buckets and a successful sign-in gives them back, so API clients signing
 * in on every call are not slowed down; failures and floods run the buckets dry and are refused before any
 * password is checked. A database error propagates: the sign-in fails rather than going unthrottled.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /** Buckets kept at most (as many instances, a little more between two checks); beyond that idle ones go first. */
    static final int MAX_BUCKETS = 20_000;
    /** Longer keys (hostile user names) are stored as their hash: the column stays bounded, the bucket distinct. */
    private static final int MAX_KEY = 100;

    private final LoginThrottleRepository buckets;
    private final int accountBurst, addressBurst;
    private final double accountPerMilli, addressPerMilli;
    private final long fullAfterMillis;
    private final int maxBuckets, checkEvery;
    private final LongSupplier clock;
    private final AtomicLong created = new AtomicLong();

    @Autowired
    LoginThrottle(LoginThrottleRepository buckets,
                  @Value("${sanbao.login.throttle.account-burst:10}") int accountBurst,
                  @Value("${sanbao.login.throttle.account-per-minute:10}") int accountPerMinute,
                  @Value("${sanbao.login.throttle.address-burst:30}") int addressBurst,
                  @Value("${sanbao.login.throttle.address-per-minute:30}") int addressPerMinute) {
        this(buckets, accountBurst, accountPerMinute, addressBurst, addressPerMinute, MAX_BUCKETS, System::currentTimeMillis);
    }

    LoginThrottle(LoginThrottleRepository buckets, int accountBurst, int accountPerMinute, int addressBurst,
                  int addressPerMinute, int maxBuckets, LongSupplier clock) {
        this.buckets = buckets;
        this.accountBurst = accountBurst;
        this.addressBurst = addressBurst;
        this.accountPerMilli = accountPerMinute / 60_000.0;
        this.addressPerMilli = addressPerMinute / 60_000.0;
        // an untouched bucket is full again after burst / rate; rows idle that long can go
        this.fullAfterMillis = (long) Math.ceil(Math.max(accountBurst / accountPerMilli, addressBurst / addressPerMilli));
        this.maxBuckets = maxBuckets;
        this.checkEvery = Math.max(1, Math.min(256, maxBuckets / 10));
        this.clock = clock;
    }

    /** Takes a token for the account and one for the address; false (taking none) when either is empty. */
    boolean tryAcquire(String username, String address) {
        long now = clock.getAsLong();
        if (!take(accountKey(username), accountBurst, accountPerMilli, now)) return false;
        if (take(addressKey(address), addressBurst, addressPerMilli, now)) return true;
        buckets.giveBack(accountKey(username), accountBurst);
        return false;
    }

    /** A successful sign-in returns its tokens (best effort: a failure here only leaves the buckets a token short). */
    void release(String username, String address) {
        try {
            buckets.giveBack(accountKey(username), accountBurst);
            buckets.giveBack(addressKey(address), addressBurst);
        } catch (RuntimeException e) {
            log.warn("登录限流令牌未能归还：{}", e.toString());
        }
    }

    /** Deletes idle buckets on one instance at a time; the size cap on write bounds the table between runs. */
    @Scheduled(fixedDelay = 300_000, initialDelay = 300_000)
    @SchedulerLock(name = "login-throttle-purge", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
    void purge() {
        buckets.deleteIdle(clock.getAsLong() - fullAfterMillis);
    }

    /**
     * One statement while the bucket holds a token; two for a new bucket (created with its first token taken) and
     * for an empty one (the insert finds it there).
     */
    private boolean take(String key, int burst, double perMilli, long now) {
        if (buckets.take(key, burst, perMilli, now)) return true;
        if (burst < 1) return false;
        try {
            if (!buckets.create(key, burst - 1, now)) return false; // there and empty
        } catch (DuplicateKeyException createdMeanwhile) {
            return buckets.take(key, burst, perMilli, now);
        }
        if (created.incrementAndGet() % checkEvery == 0) capSize(now);
        return true;
    }

    /**
     * Keeps the table near {@code maxBuckets} however many names an attacker sprays: idle (full) buckets go first,
     * then those touched longest ago, which have refilled the most.
     */
    private void capSize(long now) {
        if (buckets.count() <= maxBuckets) return;
        buckets.deleteIdle(now - fullAfterMillis);
        long over = buckets.count() - maxBuckets;
        if (over > 0) buckets.deleteOldest(over);
    }

    static String accountKey(String username) {
        return key("u:", username);
    }

    static String addressKey(String address) {
        return key("a:", address);
    }

    private static String key(String prefix, String value) {
        if (value.length() <= MAX_KEY) return prefix + value;
        try {
            return prefix + "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
