package cn.sanbao.audit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Append-only audit trail of imports, model changes and scoring runs. Writes join the caller's
 * transaction, so an action that rolls back leaves no misleading entry behind.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    public void record(String actor, String action, String target, String detail) {
        record(actor, action, target, detail, null);
    }

    /** Over-long target or detail is cut to the column width rather than losing the whole entry. */
    public void record(String actor, String action, String target, String detail, String remoteAddr) {
        if (actor == null || actor.isBlank()) throw new IllegalArgumentException("审计记录的操作人不能为空");
        if (action == null || action.isBlank()) throw new IllegalArgumentException("审计记录的操作类型不能为空");
        jdbc.sql("insert into audit_event (occurred_at, actor, action, target, detail, remote_addr) "
                        + "values (:at, :actor, :action, :target, :detail, :addr)")
                .param("at", Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS)))
                .param("actor", cut(actor, 64)).param("action", cut(action, 64))
                .param("target", cut(target, 300)).param("detail", cut(detail, 4000))
                .param("addr", cut(remoteAddr, 64))
                .update();
    }

    /** Newest first. */
    public List<AuditEvent> recent(int limit) {
        return jdbc.sql("select id, occurred_at, actor, action, target, detail, remote_addr from audit_event "
                        + "order by occurred_at desc, id desc fetch first :limit rows only")
                .param("limit", Math.max(0, limit))
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toLocalDateTime(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"),
                        rs.getString("detail"), rs.getString("remote_addr")))
                .list();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
