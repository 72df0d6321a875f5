package cn.sanbao.decision.affordability;

import cn.sanbao.kernel.Period;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Saved affordability cases (dc_affordability_case). */
@Repository
public class AffordabilityCaseRepository {

    private final JdbcClient jdbc;

    public AffordabilityCaseRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    long insert(String name, Proposal p, Period basePeriod, String by, LocalDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into dc_affordability_case (name, item_code, new_standard, start_month, scope_growth, base_period, created_by, created_at) "
                        + "values (:n, :i, :s, :m, :g, :b, :by, :at)")
                .param("n", name).param("i", p.itemCode()).param("s", p.newStandard()).param("m", p.start().toString())
                .param("g", p.scopeGrowth()).param("b", basePeriod.code()).param("by", by)
                .param("at", Timestamp.valueOf(at)).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Newest first. */
    List<AffordabilityService.Case> findAll() {
        return jdbc.sql("select * from dc_affordability_case order by id desc").query((rs, n) -> new AffordabilityService.Case(rs.getLong("id"),
                rs.getString("name"), new Proposal(rs.getString("item_code"), rs.getBigDecimal("new_standard"),
                YearMonth.parse(rs.getString("start_month")), rs.getBigDecimal("scope_growth")), Period.parse(rs.getString("base_period")),
                rs.getString("created_by"), rs.getTimestamp("created_at").toLocalDateTime())).list();
    }
}
