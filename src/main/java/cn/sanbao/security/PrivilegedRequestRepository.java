package cn.sanbao.security;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import cn.sanbao.shared.jdbc.PositionalRecordMapper;

/** Table privileged_request. */
@Repository
class PrivilegedRequestRepository {

    private static final String SELECT = "select id, action, target, new_role, new_scope, password_hash, requested_by, "
            + "requester_role, requested_at, status, decided_by, decided_at from privileged_request";
    private static final PositionalRecordMapper<PrivilegedRequest> ROW = PositionalRecordMapper.of(PrivilegedRequest.class);

    private final JdbcClient jdbc;

    PrivilegedRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PrivilegedRequest> withStatus(String status) {
        return jdbc.sql(SELECT + " where status = ? order by id").param(status).query(ROW).list();
    }

    Optional<PrivilegedRequest> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(ROW).optional();
    }

    /** The request, locked until the transaction ends, so two approvers cannot both apply it. */
    Optional<PrivilegedRequest> lock(long id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query(ROW).optional();
    }

    /** Inserts a request and returns its number. */
    long insert(String action, String target, String newRole, String newScope, String passwordHash, String requestedBy,
                String requesterRole, LocalDateTime at, String status) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into privileged_request (action, target, new_role, new_scope, password_hash, requested_by, "
                        + "requester_role, requested_at, status) values (?,?,?,?,?,?,?,?,?)")
                .params(action, target, newRole, newScope, passwordHash, requestedBy, requesterRole, Timestamp.valueOf(at), status)
                .update(key, "id");
        return key.getKey().longValue();
    }

    void decide(long id, String status, String by, LocalDateTime at) {
        // the temporary password's hash is not kept once the request is decided
        jdbc.sql("update privileged_request set status = ?, decided_by = ?, decided_at = ?, password_hash = null where id = ?")
                .params(status, by, Timestamp.valueOf(at), id).update();
    }
}
