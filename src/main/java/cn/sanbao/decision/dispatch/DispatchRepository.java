package cn.sanbao.decision.dispatch;

import cn.sanbao.decision.runway.ExtraInflows;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Dispatch plans and their lines (dc_dispatch_plan, dc_dispatch_line). Also the runway's source of approved
 * dispatch arrivals: it needs only these rows, so the runway does not depend on {@link DispatchService}.
 */
@Repository
public class DispatchRepository implements ExtraInflows {

    private final JdbcClient jdbc;

    public DispatchRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    long insertPlan(YearMonth base, BigDecimal pool, BigDecimal floor, String note, String by, LocalDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into dc_dispatch_plan (base_month, pool, floor_amount, status, note, created_by, created_at) "
                        + "values (:m, :p, :f, :s, :n, :by, :at)")
                .param("m", base.toString()).param("p", pool).param("f", floor).param("s", DispatchPlan.DRAFT)
                .param("n", note).param("by", by).param("at", Timestamp.valueOf(at))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void insertLine(long planId, MaxMinAllocator.Share s, String explanation) {
        jdbc.sql("insert into dc_dispatch_line (plan_id, unit_code, shortfall, cap_amount, proposed, amount, explanation) "
                        + "values (:id, :u, :s, :c, :p, :a, :e)")
                .param("id", planId).param("u", s.unitCode()).param("s", s.shortfall()).param("c", s.cap())
                .param("p", s.amount()).param("a", s.amount()).param("e", explanation).update();
    }

    void updateAmount(long planId, String unitCode, BigDecimal amount) {
        jdbc.sql("update dc_dispatch_line set amount = :a where plan_id = :id and unit_code = :u")
                .param("a", amount).param("id", planId).param("u", unitCode).update();
    }

    void markApproved(long planId, String by, LocalDateTime at) {
        jdbc.sql("update dc_dispatch_plan set status = :s, approved_by = :by, approved_at = :at where id = :id")
                .param("s", DispatchPlan.APPROVED).param("by", by).param("at", Timestamp.valueOf(at)).param("id", planId).update();
    }

    /** Locks the plan row if it is still a draft; false when it is not (or no longer) a draft. */
    boolean lockDraft(long planId) {
        return jdbc.sql("update dc_dispatch_plan set status = status where id = :id and status = :d")
                .param("id", planId).param("d", DispatchPlan.DRAFT).update() > 0;
    }

    Optional<DispatchPlan> find(long id) {
        return jdbc.sql("select * from dc_dispatch_plan where id = :id").param("id", id).query((rs, n) -> head(rs)).optional()
                .map(h -> withLines(h, lines(id)));
    }

    /** Every plan with its lines, newest first. */
    List<DispatchPlan> findAll() {
        return jdbc.sql("select * from dc_dispatch_plan order by id desc").query((rs, n) -> head(rs)).list()
                .stream().map(h -> withLines(h, lines(h.id()))).toList();
    }

    private List<DispatchPlan.Line> lines(long planId) {
        return jdbc.sql("select * from dc_dispatch_line where plan_id = :id order by unit_code").param("id", planId)
                .query((rs, n) -> new DispatchPlan.Line(rs.getString("unit_code"), money(rs, "shortfall"), money(rs, "cap_amount"),
                        money(rs, "proposed"), money(rs, "amount"), rs.getString("explanation"))).list();
    }

    @Override
    public Map<String, Map<YearMonth, BigDecimal>> inflowsKnownAt(YearMonth base) {
        Map<String, Map<YearMonth, BigDecimal>> out = new HashMap<>();
        jdbc.sql("select p.base_month, l.unit_code, l.amount from dc_dispatch_line l join dc_dispatch_plan p on p.id = l.plan_id "
                        + "where p.status = :s and p.base_month <= :b")
                .param("s", DispatchPlan.APPROVED).param("b", base.toString())
                .query(rs -> {
                    YearMonth arrival = YearMonth.parse(rs.getString(1)).plusMonths(1);
                    out.computeIfAbsent(rs.getString(2), k -> new HashMap<>()).merge(arrival, rs.getBigDecimal(3), BigDecimal::add);
                });
        return out;
    }

    private static DispatchPlan head(ResultSet rs) throws SQLException {
        Timestamp approvedAt = rs.getTimestamp("approved_at");
        return new DispatchPlan(rs.getLong("id"), YearMonth.parse(rs.getString("base_month")), money(rs, "pool"), money(rs, "floor_amount"),
                rs.getString("status"), rs.getString("note"), rs.getString("created_by"), rs.getTimestamp("created_at").toLocalDateTime(),
                rs.getString("approved_by"), approvedAt == null ? null : approvedAt.toLocalDateTime(), List.of());
    }

    private static DispatchPlan withLines(DispatchPlan h, List<DispatchPlan.Line> lines) {
        return new DispatchPlan(h.id(), h.baseMonth(), h.pool(), h.floor(), h.status(), h.note(), h.createdBy(), h.createdAt(),
                h.approvedBy(), h.approvedAt(), lines);
    }

    private static BigDecimal money(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column).setScale(2, RoundingMode.HALF_UP);
    }
}
