package cn.sanbao.security;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import cn.sanbao.shared.jdbc.PositionalRecordMapper;

/** Table api_token. */
@Repository
class ApiTokenRepository {

    private static final String SELECT = "select id, name, role_code, scope_unit, expires_at, created_by, created_at, "
            + "revoked_by, revoked_at, last_used_at from api_token";
    private static final PositionalRecordMapper<ApiToken> ROW = PositionalRecordMapper.of(ApiToken.class);

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ApiToken> all() {
        return jdbc.sql(SELECT + " order by id desc").query(ROW).list();
    }

    Optional<ApiToken> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(ROW).optional();
    }

    Optional<ApiToken> findByHash(String hash) {
        return jdbc.sql(SELECT + " where token_hash = ?").param(hash).query(ROW).optional();
    }

    long idOf(String hash) {
        return jdbc.sql("select id from api_token where token_hash = ?").param(hash).query(Long.class).single();
    }

    void insert(String name, String hash, String role, String scope, LocalDateTime expiresAt, String actor, LocalDateTime now) {
        jdbc.sql("insert into api_token (name, token_hash, role_code, scope_unit, expires_at, created_by, created_at) "
                        + "values (?,?,?,?,?,?,?)")
                .params(name, hash, role, scope, expiresAt, actor, now).update();
    }

    void revoke(long id, String actor, LocalDateTime at) {
        jdbc.sql("update api_token set revoked_by = ?, revoked_at = ? where id = ?").params(actor, at, id).update();
    }

    void touch(long id, LocalDateTime at) {
        jdbc.sql("update api_token set last_used_at = ? where id = ?").params(at, id).update();
    }
}
