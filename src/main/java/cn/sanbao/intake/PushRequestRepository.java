package cn.sanbao.intake;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each push (by idempotency key) stored (intake_push), so a retry gets the original answer. */
@Repository
public class PushRequestRepository {

    /** One push as answered: its revision, or the revision holding the same data. */
    record Stored(String hash, Long revisionId, Long duplicateOf, String period, int values, String by) {
    }

    private final JdbcClient jdbc;

    public PushRequestRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    Optional<Stored> find(String key) {
        return jdbc.sql("select request_hash, revision_id, duplicate_of, period, value_count, created_by from intake_push "
                        + "where idempotency_key = :key").param("key", key)
                .query((rs, n) -> new Stored(rs.getString(1), (Long) rs.getObject(2, Long.class), rs.getObject(3, Long.class),
                        rs.getString(4), rs.getInt(5), rs.getString(6)))
                .optional();
    }

    /** Throws DuplicateKeyException when another push with the key was stored first. */
    void insert(String key, Stored st, LocalDateTime at) {
        jdbc.sql("insert into intake_push (idempotency_key, request_hash, revision_id, duplicate_of, period, value_count, "
                        + "created_by, created_at) values (:key, :hash, :rev, :dup, :period, :n, :by, :at)")
                .param("key", key).param("hash", st.hash()).param("rev", st.revisionId()).param("dup", st.duplicateOf())
                .param("period", st.period()).param("n", st.values()).param("by", st.by())
                .param("at", Timestamp.valueOf(at))
                .update();
    }
}
