package cn.sanbao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sanbao.testsupport.BothDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The sign-in throttle as several servers see it: each {@link LoginThrottle} here stands for one instance, all on the
 * same database, with a clock the test moves (10 attempts burst per account, 10 a minute; 30 per address).
 */
@SpringBootTest
@BothDatabases
class SharedLoginThrottleTest {

    @Autowired LoginThrottleRepository repository;
    @Autowired JdbcClient jdbc;

    final AtomicLong now = new AtomicLong(1_800_000_000_000L);

    LoginThrottle server() {
        return new LoginThrottle(repository, 10, 10, 30, 30, LoginThrottle.MAX_BUCKETS, now::get);
    }

    static String name() {
        return "u" + UUID.randomUUID().toString().substring(0, 12);
    }

    static String address() {
        return "10.85." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    double tokens(String key) {
        return jdbc.sql("select tokens from login_throttle where bucket_key = ?").param(key).query(Double.class).single();
    }

    @Test
    void twoServersShareOneAccountsBudget() {
        LoginThrottle a = server(), b = server();
        String user = name();
        int granted = 0;
        for (int i = 0; i < 12; i++) if ((i % 2 == 0 ? a : b).tryAcquire(user, address())) granted++;
        assertThat(granted).as("ten attempts per account, whichever server gets them").isEqualTo(10);
        assertThat(a.tryAcquire(user, address())).isFalse();
        assertThat(b.tryAcquire(user, address())).isFalse();
        // another account is not affected
        assertThat(b.tryAcquire(name(), address())).isTrue();
        // a minute refills ten a minute: six and a half seconds bring one attempt back, on either server
        now.addAndGet(6_500);
        assertThat(b.tryAcquire(user, address())).isTrue();
        assertThat(a.tryAcquire(user, address())).isFalse();
    }

    @Test
    void oneAddressIsLimitedAcrossServersAndARefusalByAddressCostsTheAccountNothing() {
        LoginThrottle a = server(), b = server();
        String from = address();
        int granted = 0;
        for (int i = 0; i < 40; i++) if ((i % 2 == 0 ? a : b).tryAcquire(name(), from)) granted++;
        assertThat(granted).isEqualTo(30);
        String user = name();
        assertThat(a.tryAcquire(user, from)).isFalse();
        assertThat(tokens(LoginThrottle.accountKey(user))).as("the account's token was given back").isEqualTo(10.0);
    }

    @Test
    void concurrentAttemptsFromTwoServersNeverExceedTheBurst() throws Exception {
        LoginThrottle a = server(), b = server();
        String user = name();
        List<Boolean> outcomes = SignInLimitsTest.parallel(40, () -> {
            List<Boolean> mine = new ArrayList<>();
            for (int i = 0; i < 3; i++) mine.add((Math.random() < 0.5 ? a : b).tryAcquire(user, address()));
            return mine;
        }).stream().flatMap(List::stream).toList();
        long granted = outcomes.stream().filter(g -> g).count();
        assertThat(granted).isBetween(1L, 10L);
        // every token handed out is missing from the bucket: none was given twice, none lost
        assertThat(tokens(LoginThrottle.accountKey(user))).isEqualTo(10.0 - granted);
    }

    @Test
    void aSuccessfulSignInGivesItsTokensBack() {
        LoginThrottle a = server(), b = server();
        String user = name(), from = address();
        for (int i = 0; i < 10; i++) assertThat(a.tryAcquire(user, from)).isTrue();
        assertThat(b.tryAcquire(user, from)).isFalse();
        b.release(user, from);
        assertThat(tokens(LoginThrottle.addressKey(from))).isEqualTo(21.0);
        assertThat(a.tryAcquire(user, from)).isTrue();
        assertThat(a.tryAcquire(user, from)).isFalse();
        // never beyond the burst
        for (int i = 0; i < 20; i++) a.release(user, from);
        assertThat(tokens(LoginThrottle.accountKey(user))).isEqualTo(10.0);
    }

    @Test
    void sprayingRandomNamesKeepsTheTableBounded() {
        int max = 60;
        LoginThrottle a = new LoginThrottle(repository, 10, 10, 100_000, 100_000, max, now::get);
        LoginThrottle b = new LoginThrottle(repository, 10, 10, 100_000, 100_000, max, now::get);
        String from = address();
        for (int i = 0; i < 1000; i++) {
            assertThat((i % 2 == 0 ? a : b).tryAcquire(name(), from)).isTrue();
            now.incrementAndGet();
        }
        long rows = jdbc.sql("select count(*) from login_throttle").query(Long.class).single();
        assertThat(rows).as("at most the cap plus one check interval per server").isLessThanOrEqualTo(max + 2 * 6);
        // the address under attack keeps its (drained) bucket: the newest rows stay
        assertThat(tokens(LoginThrottle.addressKey(from))).isLessThan(100_000.0);
    }

    @Test
    void thePurgeDeletesOnlyBucketsThatHaveRefilled() {
        LoginThrottle a = server();
        String idle = name(), busy = name(), from = address();
        a.tryAcquire(idle, from);
        now.addAndGet(120_000);
        for (int i = 0; i < 10; i++) a.tryAcquire(busy, from);
        a.purge();
        assertThat(jdbc.sql("select count(*) from login_throttle where bucket_key = ?").param(LoginThrottle.accountKey(idle))
                .query(Long.class).single()).isZero();
        assertThat(tokens(LoginThrottle.accountKey(busy))).isEqualTo(0.0);
        // a deleted bucket is a full one: the idle account has its ten attempts
        int granted = 0;
        for (int i = 0; i < 12; i++) if (a.tryAcquire(idle, address())) granted++;
        assertThat(granted).isEqualTo(10);
    }

    @Test
    void hostileLongNamesAreStoredAsAHashOfBoundedLength() {
        LoginThrottle a = server();
        String huge = "x".repeat(5000);
        for (int i = 0; i < 10; i++) assertThat(a.tryAcquire(huge, address())).isTrue();
        assertThat(a.tryAcquire(huge, address())).isFalse();
        assertThat(a.tryAcquire(huge + "y", address())).isTrue();
        assertThat(LoginThrottle.accountKey(huge)).hasSizeLessThan(100);
    }

    @Test
    void withoutTheDatabaseNoAttemptIsAllowed() {
        DriverManagerDataSource down = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none", "x", "x");
        LoginThrottle cut = new LoginThrottle(new LoginThrottleRepository(JdbcClient.create(down)), 10, 10, 30, 30,
                LoginThrottle.MAX_BUCKETS, now::get);
        assertThatThrownBy(() -> cut.tryAcquire(name(), address())).isInstanceOf(DataAccessException.class);
    }
}
