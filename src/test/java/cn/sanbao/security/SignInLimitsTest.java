package cn.sanbao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.sanbao.testsupport.BothDatabases;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Lock-out holds under parallel sign-ins; floods are throttled and leave a bounded number of audit rows. */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class SignInLimitsTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired UserRepository users;
    @Autowired FailedSignInAudit failedAudit;
    @Autowired JdbcClient jdbc;

    String account() {
        String name = "t" + System.nanoTime() % 100000 + "x" + SEQ.incrementAndGet();
        accounts.createInitial(name, "测试用户", "Tallow-Bridge-77", Roles.LEADER, null, false);
        return name;
    }

    /** A form sign-in from the given address; returns the exception it failed with (null on success). */
    Object signIn(String user, String password, String address) throws Exception {
        MvcResult r = mvc.perform(post("/login").param("username", user).param("password", password).with(csrf())
                .with(req -> {
                    req.setRemoteAddr(address);
                    return req;
                })).andReturn();
        var session = r.getRequest().getSession(false);
        return session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    static <T> List<T> parallel(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) futures.add(pool.submit(() -> {
            go.await();
            return task.call();
        }));
        go.countDown();
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) out.add(f.get());
        pool.shutdown();
        return out;
    }

    @Test
    void thirtyTwoParallelWrongSignInsCheckAtMostFivePasswords() throws Exception {
        String name = account();
        List<Object> outcomes = parallel(32, () -> signIn(name, "Wrong-guess-2021", "10.77.1.1"));
        long passwordChecks = outcomes.stream().filter(o -> o instanceof BadCredentialsException).count();
        assertThat(passwordChecks).isBetween(1L, (long) SignInEvents.MAX_FAILURES);
        assertThat(accounts.require(name).lockedUntil()).isAfter(LocalDateTime.now());
        // the right password is refused now too, from anywhere
        assertThat(signIn(name, "Tallow-Bridge-77", "10.77.1.9")).isNotNull();
    }

    /** The database alone (without the throttle) never hands out more than five attempts. */
    @Test
    void theAttemptCounterIsAtomic() throws Exception {
        String name = account();
        List<Boolean> granted = parallel(32, () -> users.reserveAttempt(name, SignInEvents.MAX_FAILURES, LocalDateTime.now()));
        assertThat(granted).filteredOn(g -> g).hasSize(SignInEvents.MAX_FAILURES);
        assertThat(users.failures(name)).isEqualTo(SignInEvents.MAX_FAILURES);
    }

    @Test
    void anAnonymousFloodLeavesAFewAuditRowsThatCountEveryAttempt() throws Exception {
        String address = "10.77.2." + SEQ.incrementAndGet();
        int attempts = 300;
        AtomicInteger n = new AtomicInteger();
        parallel(8, () -> {
            while (n.getAndIncrement() < attempts) signIn("", "x", address);
            return null;
        });
        failedAudit.flush();
        List<String> details = jdbc.sql("select detail from audit_event where remote_addr = ?").param(address)
                .query(String.class).list();
        assertThat(details).hasSizeLessThanOrEqualTo(8);
        assertThat(details).anySatisfy(d -> assertThat(d).contains("登录尝试过于频繁"));
        // every attempt is accounted for: first rows plus the merged counts
        int counted = 0;
        Pattern merged = Pattern.compile("又有 (\\d+) 次");
        for (String d : details) {
            Matcher m = merged.matcher(d);
            counted += m.find() ? Integer.parseInt(m.group(1)) : 1;
        }
        assertThat(counted).isEqualTo(attempts);
    }

    @Test
    void oneAddressTryingManyAccountsIsMergedToo() throws Exception {
        String address = "10.77.3." + SEQ.incrementAndGet();
        int attempts = 200;
        long startMinute = System.currentTimeMillis() / 60_000;
        AtomicInteger n = new AtomicInteger();
        parallel(8, () -> {
            for (int i; (i = n.getAndIncrement()) < attempts; ) signIn("guess" + i, "x", address);
            return null;
        });
        failedAudit.flush();
        long minutes = System.currentTimeMillis() / 60_000 - startMinute + 1;
        long rows = jdbc.sql("select count(*) from audit_event where remote_addr = ?").param(address).query(Long.class).single();
        // per minute: two kinds of refusal (wrong password, throttled), each at most ACCOUNTS_PER_ADDRESS accounts and
        // the merged rest, each written once and summarised once
        assertThat(rows).isLessThanOrEqualTo(minutes * 2 * 2 * (FailedSignInAudit.ACCOUNTS_PER_ADDRESS + 1)).isLessThan(attempts / 2);
        assertThat(jdbc.sql("select count(*) from audit_event where remote_addr = ? and actor = ?").params(address, FailedSignInAudit.MANY)
                .query(Long.class).single()).isPositive();
    }
}
