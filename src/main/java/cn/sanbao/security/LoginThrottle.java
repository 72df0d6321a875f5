package cn.sanbao.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits sign-in attempts per account and per client address with small in-memory token buckets (per server
 * process; they empty on restart, the database lock-out does not). An attempt takes a token from both buckets
 * and a successful sign-in gives them back, so API clients signing in on every call are not slowed down;
 * failures and floods run the buckets dry and are refused before any password is checked.
 */
@Component
class LoginThrottle {

    /** Buckets kept at most; beyond that, full (idle) buckets are dropped. */
    private static final int MAX_BUCKETS = 20_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int accountBurst, accountPerMinute, addressBurst, addressPerMinute;

    LoginThrottle(@Value("${sanbao.login.throttle.account-burst:10}") int accountBurst,
                  @Value("${sanbao.login.throttle.account-per-minute:10}") int accountPerMinute,
                  @Value("${sanbao.login.throttle.address-burst:30}") int addressBurst,
                  @Value("${sanbao.login.throttle.address-per-minute:30}") int addressPerMinute) {
        this.accountBurst = accountBurst;
        this.accountPerMinute = accountPerMinute;
        this.addressBurst = addressBurst;
        this.addressPerMinute = addressPerMinute;
    }

    /** Takes a token for the account and one for the address; false (taking none) when either is empty. */
    boolean tryAcquire(String username, String address) {
        if (buckets.size() > MAX_BUCKETS) buckets.values().removeIf(Bucket::full);
        Bucket account = bucket("u:" + username, accountBurst, accountPerMinute);
        Bucket from = bucket("a:" + address, addressBurst, addressPerMinute);
        if (!account.take()) return false;
        if (from.take()) return true;
        account.giveBack();
        return false;
    }

    /** A successful sign-in returns its tokens. */
    void release(String username, String address) {
        Bucket account = buckets.get("u:" + username), from = buckets.get("a:" + address);
        if (account != null) account.giveBack();
        if (from != null) from.giveBack();
    }

    private Bucket bucket(String key, int burst, int perMinute) {
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, perMinute));
    }

    /** Classic token bucket, refilled continuously at {@code perMinute}. */
    private static final class Bucket {
        private final double capacity, perNano;
        private double tokens;
        private long at = System.nanoTime();

        Bucket(int capacity, int perMinute) {
            this.capacity = capacity;
            this.perNano = perMinute / 60e9;
            this.tokens = capacity;
        }

        synchronized boolean take() {
            refill();
            if (tokens < 1) return false;
            tokens -= 1;
            return true;
        }

        synchronized void giveBack() {
            tokens = Math.min(capacity, tokens + 1);
        }

        synchronized boolean full() {
            refill();
            return tokens >= capacity;
        }

        private void refill() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - at) * perNano);
            at = now;
        }
    }
}
