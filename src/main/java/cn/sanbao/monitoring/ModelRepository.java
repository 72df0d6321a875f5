package cn.sanbao.monitoring;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ModelRepository {

    private static final String COLUMNS = "id, code, version, name, effective_from, source_yaml, status, reason, "
            + "created_by, created_at, published_by, published_at, submitted_by, submitted_at, review_note";

    // explicit mapper: the record-property mapper probes camel-case names first and fails per row and field (see RunRepository)
    private static final RowMapper<ModelVersion> ROW = (rs, i) -> new ModelVersion(rs.getLong(1), rs.getString(2), rs.getInt(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
            time(rs.getTimestamp(10)), rs.getString(11), time(rs.getTimestamp(12)), rs.getString(13), time(rs.getTimestamp(14)), rs.getString(15));

    private final JdbcClient jdbc;

    ModelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertPublished(String code, int version, String name, String effectiveFrom, String yaml, String reason,
                         String actor, LocalDateTime at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into model_version (code, version, name, effective_from, source_yaml, status, reason, "
                        + "created_by, created_at, published_by, published_at) values (?,?,?,?,?,?,?,?,?,?,?)")
                .params(code, version, name, effectiveFrom, yaml, ModelVersion.PUBLISHED, reason, actor, at, actor, at)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    long insertDraft(String code, int version, String name, String effectiveFrom, String yaml, String reason,
                     String actor, LocalDateTime at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into model_version (code, version, name, effective_from, source_yaml, status, reason, "
                        + "created_by, created_at) values (?,?,?,?,?,?,?,?,?)")
                .params(code, version, name, effectiveFrom, yaml, ModelVersion.DRAFT, reason, actor, at)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Only drafts change; the status condition keeps published versions immutable even if called wrongly. */
    int updateDraft(long id, String name, String effectiveFrom, String yaml) {
        return jdbc.sql("update model_version set name = ?, effective_from = ?, source_yaml = ? where id = ? and status = ?")
                .params(name, effectiveFrom, yaml, id, ModelVersion.DRAFT).update();
    }

    /** Draft to PENDING with the effective period and reason the submitter asks for. */
    int submit(long id, String effectiveFrom, String yaml, String reason, String actor, LocalDateTime at) {
        return jdbc.sql("update model_version set status = ?, effective_from = ?, source_yaml = ?, reason = ?, "
                        + "submitted_by = ?, submitted_at = ?, review_note = null where id = ? and status = ?")
                .params(ModelVersion.PENDING, effectiveFrom, yaml, reason, actor, at, id, ModelVersion.DRAFT).update();
    }

    int approve(long id, String actor, LocalDateTime at) {
        return jdbc.sql("update model_version set status = ?, published_by = ?, published_at = ? where id = ? and status = ?")
                .params(ModelVersion.PUBLISHED, actor, at, id, ModelVersion.PENDING).update();
    }

    /** PENDING back to DRAFT with the reviewer's reason; the submission is kept on record until the next one. */
    int reject(long id, String note) {
        return jdbc.sql("update model_version set status = ?, review_note = ? where id = ? and status = ?")
                .params(ModelVersion.DRAFT, note, id, ModelVersion.PENDING).update();
    }

    int maxVersion(String code) {
        return jdbc.sql("select coalesce(max(version), 0) from model_version where code = ?").param(code)
                .query(Integer.class).single();
    }

    List<ModelVersion> findAll() {
        return jdbc.sql("select " + COLUMNS + " from model_version order by code, version desc")
                .query(ROW).list();
    }

    Optional<ModelVersion> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from model_version where id = ?").param(id)
                .query(ROW).optional();
    }

    List<ModelVersion> published() {
        return jdbc.sql("select " + COLUMNS + " from model_version where status = ? order by id")
                .param(ModelVersion.PUBLISHED).query(ROW).list();
    }

    long count() {
        return jdbc.sql("select count(*) from model_version").query(Long.class).single();
    }

    private static LocalDateTime time(java.sql.Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
