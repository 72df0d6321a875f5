package cn.sanbao.projects.demand;

import cn.sanbao.kernel.Pillar;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Demand estimations and their lines (pj_estimation, pj_estimation_line). */
@Repository
public class EstimationRepository {

    private final JdbcClient jdbc;

    public EstimationRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** Stores the estimation with its lines and returns its id. */
    long insert(int year, long listVersionId, long scopeRevision, String by, LocalDateTime at, List<DemandLine> lines) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into pj_estimation (fiscal_year, list_version_id, scope_revision, created_by, created_at) "
                        + "values (:y, :l, :s, :by, :at)")
                .param("y", year).param("l", listVersionId).param("s", scopeRevision).param("by", by)
                .param("at", Timestamp.valueOf(at)).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (DemandLine l : lines) {
            jdbc.sql("insert into pj_estimation_line (estimation_id, unit_code, item_code, pillar, annual_standard, quantity, "
                            + "local_share, amount) values (:e, :u, :i, :p, :s, :q, :sh, :a)")
                    .param("e", id).param("u", l.unitCode()).param("i", l.itemCode()).param("p", l.pillar().name())
                    .param("s", l.annualStandard()).param("q", l.quantity()).param("sh", l.localShare()).param("a", l.amount())
                    .update();
        }
        return id;
    }

    void setFactRevision(long estimationId, long revision) {
        jdbc.sql("update pj_estimation set fact_revision = :r where id = :id").param("r", revision).param("id", estimationId).update();
    }

    Optional<Estimation> find(long id) {
        return jdbc.sql("select * from pj_estimation where id = :id").param("id", id).query((rs, n) -> estimation(rs)).optional();
    }

    Optional<Estimation> latest(int year) {
        return jdbc.sql("select * from pj_estimation where fiscal_year = :y order by id desc fetch first 1 rows only")
                .param("y", year).query((rs, n) -> estimation(rs)).optional();
    }

    Optional<Estimation> byFactRevision(long factRevision) {
        return jdbc.sql("select * from pj_estimation where fact_revision = :r").param("r", factRevision)
                .query((rs, n) -> estimation(rs)).optional();
    }

    /** Lines of the estimation, of one unit or (null) all, by unit and item. */
    List<DemandLine> lines(long estimationId, String unitCode) {
        String filter = unitCode == null ? "" : " and unit_code = :u";
        var spec = jdbc.sql("select * from pj_estimation_line where estimation_id = :e" + filter + " order by unit_code, item_code")
                .param("e", estimationId);
        if (unitCode != null) spec = spec.param("u", unitCode);
        return spec.query((rs, n) -> new DemandLine(rs.getString("unit_code"), rs.getString("item_code"),
                        Pillar.valueOf(rs.getString("pillar")), rs.getBigDecimal("annual_standard"),
                        rs.getBigDecimal("quantity").setScale(2), rs.getBigDecimal("local_share").setScale(4),
                        rs.getBigDecimal("amount").setScale(2)))
                .list();
    }

    private static Estimation estimation(ResultSet rs) throws SQLException {
        long fr = rs.getLong("fact_revision");
        Long factRevision = rs.wasNull() ? null : fr;
        return new Estimation(rs.getLong("id"), rs.getInt("fiscal_year"), rs.getLong("list_version_id"),
                rs.getLong("scope_revision"), factRevision, rs.getString("created_by"),
                rs.getTimestamp("created_at").toLocalDateTime());
    }
}
