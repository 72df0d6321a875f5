package cn.sanbao.decision.dispatch;

import cn.sanbao.decision.runway.ExtraInflows;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Approved dispatch plans as inflows of the runway: the money arrives the month after the plan's base month.
 * Kept apart from {@link DispatchService}, which itself reads the runway, so the beans form no cycle.
 */
@Component
class ApprovedDispatchInflows implements ExtraInflows {

    private final JdbcClient jdbc;

    ApprovedDispatchInflows(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
}
