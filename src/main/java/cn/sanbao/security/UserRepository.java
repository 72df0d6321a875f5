package cn.sanbao.security;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import cn.sanbao.shared.jdbc.PositionalRecordMapper;

/** Table app_user. */
@Repository
class UserRepository {

    private static final String COLUMNS = "username, display_name, password_hash, role_code, scope_unit, enabled, "
            + "must_change, failed_count, locked_until, password_changed_at, created_by, created_at";

    private static final String SELECT = "select " + COLUMNS.replace("role_code", "role_code as role") + " from app_user";

    private static final PositionalRecordMapper<UserAccount> ROW = PositionalRecordMapper.of(UserAccount.class);

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> find(String username) {
        return jdbc.sql(SELECT + " where username = ?").param(username)
                .query(ROW).optional();
    }

    List<UserAccount> all() {
        return jdbc.sql(SELECT + " order by username").query(ROW).list();
    }

    long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    void insert(String username, String displayName, String hash, String role, String scope, boolean mustChange,
                String actor, LocalDateTime at) {
        jdbc.sql("insert into app_user (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(username, displayName, hash, role, scope, true, mustChange, 0, null, at, actor, at).update();
    }

    void setPassword(String username, String hash, boolean mustChange, LocalDateTime at) {
        jdbc.sql("update app_user set password_hash = ?, must_change = ?, password_changed_at = ?, failed_count = 0, "
                + "locked_until = null where username = ?").params(hash, mustChange, at, username).update();
    }

    void setRole(String username, String role, String scope) {
        jdbc.sql("update app_user set role_code = ?, scope_unit = ? where username = ?").params(role, scope, username).update();
    }

    void setEnabled(String username, boolean enabled) {
        jdbc.sql("update app_user set enabled = ? where username = ?").params(enabled, username).update();
    }

    void unlock(String username) {
        jdbc.sql("update app_user set failed_count = 0, locked_until = null where username = ?").param(username).update();
    }

    /**
     * Takes one of the {@code max} attempts an account has before it locks, in one conditional UPDATE, before the
     * password is checked: parallel sign-ins can then never check more than {@code max} passwords. False when
     * the account is locked or all attempts are taken (also when it does not exist).
     */
    boolean reserveAttempt(String username, int max, LocalDateTime now) {
        return jdbc.sql("update app_user set failed_count = failed_count + 1 where username = ? and failed_count < ? "
                + "and (locked_until is null or locked_until <= ?)").params(username, max, now).update() == 1;
    }

    int failures(String username) {
        return jdbc.sql("select failed_count from app_user where username = ?").param(username).query(Integer.class)
                .optional().orElse(0);
    }

    /** Locks the account when {@code max} attempts have failed; true for the one caller that locked it. */
    boolean lockIfReached(String username, int max, LocalDateTime until) {
        return jdbc.sql("update app_user set failed_count = 0, locked_until = ? where username = ? and failed_count >= ?")
                .params(until, username, max).update() == 1;
    }

    void clearFailures(String username) {
        jdbc.sql("update app_user set failed_count = 0 where username = ? and failed_count > 0").param(username).update();
    }
}
