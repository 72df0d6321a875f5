package cn.sanbao.facts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** SQL for fact_revision and fact. Validation and transactions live in {@link FactRepository}. */
@Repository
public class FactRevisionRepository {

    private static final String REVISION_COLUMNS = "id, source, label, content_hash, row_count, created_by, created_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template; // JdbcClient has no batch API

    public FactRevisionRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public long insertRevision(String source, String label, String createdBy, String contentHash, int rowCount,
                               LocalDateTime createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into fact_revision (source, label, content_hash, row_count, created_by, created_at) "
                        + "values (:source, :label, :hash, :rows, :by, :at)")
                .param("source", source).param("label", label).param("hash", contentHash)
                .param("rows", rowCount).param("by", createdBy).param("at", Timestamp.valueOf(createdAt))
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void insertFacts(long revisionId, List<FactValue> values) {
        template.batchUpdate("insert into fact (revision_id, unit_code, period, item_code, amount) values (?, ?, ?, ?, ?)",
                values, 500, (ps, v) -> {
                    ps.setLong(1, revisionId);
                    ps.setString(2, v.unitCode());
                    ps.setString(3, v.period());
                    ps.setString(4, v.itemCode());
                    ps.setBigDecimal(5, v.amount());
                });
    }

    public Optional<FactRevision> findByContentHash(String hash) {
        return jdbc.sql("select " + REVISION_COLUMNS + " from fact_revision where content_hash = :hash "
                        + "order by id desc fetch first 1 rows only")
                .param("hash", hash).query(this::mapRevision).optional();
    }

    public Optional<FactRevision> findById(long id) {
        return jdbc.sql("select " + REVISION_COLUMNS + " from fact_revision where id = :id")
                .param("id", id).query(this::mapRevision).optional();
    }

    /** Newest first. */
    public List<FactRevision> findAll() {
        return jdbc.sql("select " + REVISION_COLUMNS + " from fact_revision order by id desc").query(this::mapRevision).list();
    }

    public List<FactValue> valuesOf(long revisionId) {
        return jdbc.sql("select unit_code, period, item_code, amount from fact where revision_id = :id "
                        + "order by unit_code, period, item_code")
                .param("id", revisionId)
                .query((rs, n) -> new FactValue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)))
                .list();
    }

    public long latestRevisionId() {
        return jdbc.sql("select coalesce(max(id), 0) from fact_revision").query(Long.class).single();
    }

    public long countFacts() {
        return jdbc.sql("select count(*) from fact").query(Long.class).single();
    }

    /**
     * For each (unit, period, item) in the periods, the row of the highest revision ≤ asOf. One grouped
     * sub-select joined back on the primary key: portable to H2 and PostgreSQL and served by index fact_lookup.
     */
    public List<ResolvedFact> current(Collection<String> periods, long asOf) {
        return jdbc.sql("""
                        select f.unit_code, f.period, f.item_code, f.amount, f.revision_id
                        from fact f
                        join (select unit_code, period, item_code, max(revision_id) as revision_id
                              from fact
                              where period in (:periods) and revision_id <= :asOf
                              group by unit_code, period, item_code) latest
                          on f.unit_code = latest.unit_code and f.period = latest.period
                         and f.item_code = latest.item_code and f.revision_id = latest.revision_id
                        order by f.unit_code, f.period, f.item_code""")
                .param("periods", periods).param("asOf", asOf)
                .query((rs, n) -> new ResolvedFact(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getLong(5)))
                .list();
    }

    /** {@link #current} for a few units only (one unit's page reads its own figures, not the province's). */
    public List<ResolvedFact> current(Collection<String> periods, Collection<String> units, long asOf) {
        if (units.isEmpty()) return List.of();
        return jdbc.sql("""
                        select f.unit_code, f.period, f.item_code, f.amount, f.revision_id
                        from fact f
                        join (select unit_code, period, item_code, max(revision_id) as revision_id
                              from fact
                              where unit_code in (:units) and period in (:periods) and revision_id <= :asOf
                              group by unit_code, period, item_code) latest
                          on f.unit_code = latest.unit_code and f.period = latest.period
                         and f.item_code = latest.item_code and f.revision_id = latest.revision_id
                        order by f.unit_code, f.period, f.item_code""")
                .param("units", units).param("periods", periods).param("asOf", asOf)
                .query((rs, n) -> new ResolvedFact(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getLong(5)))
                .list();
    }

    private FactRevision mapRevision(ResultSet rs, int row) throws SQLException {
        return new FactRevision(rs.getLong("id"), rs.getString("source"), rs.getString("label"),
                rs.getString("content_hash"), rs.getInt("row_count"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toLocalDateTime());
    }
}
