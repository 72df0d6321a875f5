package cn.sanbao.decision.allocation;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Versioned allocation weightings (dc_weighting). */
@Repository
public class WeightingRepository {

    private final JdbcClient jdbc;

    public WeightingRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** Highest version of the name; 0 when there is none. */
    int latestVersion(String name) {
        return jdbc.sql("select coalesce(max(version), 0) from dc_weighting where name = :n").param("n", name).query(Integer.class).single();
    }

    void insert(Weighting w, String by, LocalDateTime at) {
        jdbc.sql("insert into dc_weighting (name, version, weights, created_by, created_at) values (:n, :v, :w, :by, :at)")
                .param("n", w.name()).param("v", w.version()).param("w", w.text()).param("by", by)
                .param("at", Timestamp.valueOf(at)).update();
    }

    /** By name, newest version first. */
    List<Weighting> findAll() {
        return jdbc.sql("select * from dc_weighting order by name, version desc").query((rs, i) -> new Weighting(rs.getLong("id"),
                rs.getString("name"), rs.getInt("version"), Weighting.parse(rs.getString("weights")))).list();
    }
}
