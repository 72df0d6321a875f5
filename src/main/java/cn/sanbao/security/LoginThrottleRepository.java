package cn.sanbao.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table login_throttle: the token buckets of {@link LoginThrottle}. Each statement is atomic on its own (no
 * surrounding transaction): a conditional UPDATE takes a token only while the refilled bucket holds one, so two
 * instances racing for the last token cannot both get it (the second UPDATE waits for the first row lock and
 * re-checks the condition, on H2 and PostgreSQL alike).
 */
@Repository
class LoginThrottleRepository {

    /** Tokens in the bucket at {@code now}: stored tokens plus the refill since refilled_at, at most capacity. */
    // typed parameters: H2 would otherwise take a parameter's type from the other operand (bigint), rounding the rate to 0
    private static final String AVAILABLE =
            "least(cast(? as double precision), tokens + greatest(0, cast(? as bigint) - refilled_at) * cast(? as double precision))";

    private final JdbcClient jdbc;

    LoginThrottleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes one token from an existing bucket; false when it holds less than one or does not exist.
     * {@code perMilli} is the refill rate in tokens per millisecond.
     */
    boolean take(String key, double capacity, double perMilli, long now) {
        return jdbc.sql("update login_throttle set tokens = " + AVAILABLE + " - 1, refilled_at = greatest(refilled_at, cast(? as bigint)) "
                        + "where bucket_key = ? and " + AVAILABLE + " >= 1")
                .params(capacity, now, perMilli, now, key, capacity, now, perMilli).update() == 1;
    }

    /**
     * Creates the bucket holding {@code tokens}; false when it already exists. Throws DuplicateKeyException when
     * another instance inserts it at the same moment.
     */
    boolean create(String key, double tokens, long now) {
        return jdbc.sql("insert into login_throttle (bucket_key, tokens, refilled_at) select ?, cast(? as double precision), cast(? as bigint) "
                + "where not exists (select 1 from login_throttle where bucket_key = ?)").params(key, tokens, now, key).update() == 1;
    }

    /** Returns one token, never beyond capacity. */
    void giveBack(String key, double capacity) {
        jdbc.sql("update login_throttle set tokens = least(cast(? as double precision), tokens + 1) where bucket_key = ?").params(capacity, key).update();
    }

    /** Deletes the buckets untouched since {@code before} (full again by then; a missing row is a full bucket). */
    int deleteIdle(long before) {
        return jdbc.sql("delete from login_throttle where refilled_at < ?").param(before).update();
    }

    long count() {
        return jdbc.sql("select count(*) from login_throttle").query(Long.class).single();
    }

    /** Deletes the {@code n} buckets touched longest ago (the nearest to full). */
    int deleteOldest(long n) {
        return jdbc.sql("delete from login_throttle where bucket_key in "
                + "(select bucket_key from login_throttle order by refilled_at limit ?)").param(n).update();
    }
}
