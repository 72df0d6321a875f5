package cn.sanbao.monitoring;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table rescoring_request (V801): one row per revision whose import asked for re-scoring. */
@Repository
class RescoringRepository {

    private static final RowMapper<RescoringRequest> ROW = (rs, i) -> new RescoringRequest(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getTimestamp(4).toLocalDateTime(), rs.getObject(5, Long.class), rs.getString(6));
    private static final String COLUMNS = "revision_id, period, requested_by, handled_at, run_id, failure";

    private final JdbcClient jdbc;

    RescoringRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the request for this instance. The primary key decides: a second delivery of the same event (another
     * instance republishing it) waits here until the first commits, then gets false; if the first died, its row
     * rolled back with it and this one proceeds. Must be the transaction's first statement (PostgreSQL aborts the
     * transaction on the duplicate).
     */
    boolean claim(long revisionId, String period, String requestedBy, LocalDateTime now, String failure) {
        try {
            jdbc.sql("insert into rescoring_request (" + COLUMNS + ") values (?, ?, ?, ?, null, ?)")
                    .params(revisionId, period, cut(requestedBy, 100), Timestamp.valueOf(now), failure == null ? null : cut(failure, 1000))
                    .update();
            return true;
        } catch (DuplicateKeyException handled) {
            return false;
        }
    }

    void ran(long revisionId, long runId) {
        jdbc.sql("update rescoring_request set run_id = ? where revision_id = ?").params(runId, revisionId).update();
    }

    Optional<RescoringRequest> find(long revisionId) {
        return jdbc.sql("select " + COLUMNS + " from rescoring_request where revision_id = ?").param(revisionId).query(ROW).optional();
    }

    List<RescoringRequest> latest(int n) {
        // limited in SQL: JdbcClient's stream() keeps the connection until the stream is closed
        return jdbc.sql("select " + COLUMNS + " from rescoring_request order by revision_id desc fetch first ? rows only")
                .param(n).query(ROW).list();
    }

    /** One page, newest first. */
    cn.sanbao.shared.web.Page<RescoringRequest> page(cn.sanbao.shared.web.PageRequest page) {
        long total = jdbc.sql("select count(*) from rescoring_request").query(Long.class).single();
        List<RescoringRequest> rows = jdbc.sql("select " + COLUMNS + " from rescoring_request order by revision_id desc offset ? rows fetch next ? rows only")
                .params(page.offset(), page.size()).query(ROW).list();
        return cn.sanbao.shared.web.Page.of(rows, page, total);
    }

    private static String cut(String s, int max) { return s.length() <= max ? s : s.substring(0, max - 1) + "…"; }
}
