package cn.sanbao.intake;

import org.springframework.beans.factory.ObjectProvider;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The payment import job table. Every write runs in its own new transaction, so progress is visible
 * while the import's own (long) transaction is still open, and survives that transaction's rollback.
 */
@Service
public class PaymentJobRepository {

    public enum Status { RUNNING, DONE, DUPLICATE, REJECTED, FAILED, CANCELLED }

    /** problems: why a REJECTED import was refused, in reading order (empty otherwise). */
    public record Job(long id, String fileName, String period, Status status, String phase, long rowsDone,
                      Long revisionId, String message, String createdBy, LocalDateTime startedAt, LocalDateTime finishedAt,
                      List<Finding> problems) {
        public boolean finished() { return status != Status.RUNNING; }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final Clock clock;

    /** Imports by outcome and rows saved (docs/operations.md); none in tests that build no registry. */
    private final ObjectProvider<MeterRegistry> meters;

    public PaymentJobRepository(JdbcClient jdbc, PlatformTransactionManager tm, ObjectProvider<Clock> clock,
                       ObjectProvider<MeterRegistry> meters) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(tm);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    public long create(String fileName, String period, String user) {
        return own.execute(s -> {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("insert into payment_import (file_name, period, status, phase, rows_done, created_by, started_at) "
                            + "values (:f, :p, 'RUNNING', '排队', 0, :by, :at)")
                    .param("f", FileImportService.cut(fileName, 300)).param("p", period).param("by", user)
                    .param("at", Timestamp.valueOf(LocalDateTime.now(clock))).update(key, "id");
            return key.getKey().longValue();
        });
    }

    public void progress(long id, String phase, long rows) {
        own.executeWithoutResult(s -> jdbc.sql("update payment_import set phase = :phase, rows_done = :rows where id = :id")
                .param("phase", phase).param("rows", rows).param("id", id).update());
    }

    public void finish(long id, Status status, Long revisionId, Long mappingVersionId, long rows, String message) {
        finish(id, status, revisionId, mappingVersionId, rows, message, List.of());
    }

    public void finish(long id, Status status, Long revisionId, Long mappingVersionId, long rows, String message,
                       List<Finding> problems) {
        own.executeWithoutResult(s -> {
            int seq = 0;
            for (Finding f : problems) {
                jdbc.sql("insert into payment_import_problem (import_id, seq, file_name, sheet, row_no, col, reason) "
                                + "values (:id, :seq, :file, :sheet, :row, :col, :reason)")
                        .param("id", id).param("seq", ++seq).param("file", f.file() == null ? null : FileImportService.cut(f.file(), 300))
                        .param("sheet", f.sheet() == null ? null : FileImportService.cut(f.sheet(), 100)).param("row", f.row())
                        .param("col", f.column() == null ? null : FileImportService.cut(f.column(), 200))
                        .param("reason", FileImportService.cut(f.reason(), 2000)).update();
            }
            jdbc.sql("update payment_import set status = :st, phase = :phase, rows_done = :rows, "
                        + "revision_id = :rev, mapping_version_id = :mv, message = :msg, finished_at = :at where id = :id")
                .param("st", status.name()).param("phase", status == Status.DONE ? "完成" : "结束").param("rows", rows)
                .param("rev", revisionId).param("mv", mappingVersionId)
                .param("msg", message == null ? null : FileImportService.cut(message, 4000))
                .param("at", Timestamp.valueOf(LocalDateTime.now(clock))).param("id", id).update();
        });
        count(id, status, rows);
    }

    /** sanbao.imports{kind,outcome}; for a saved import also the rows and its rows per second. */
    private void count(long id, Status status, long rows) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry == null) return;
        registry.counter("sanbao.imports", "kind", "payment", "outcome", status.name()).increment();
        if (status != Status.DONE || rows <= 0) return;
        registry.counter("sanbao.import.rows", "kind", "payment").increment(rows);
        Job job = find(id);
        double seconds = Math.max(0.001, java.time.Duration.between(job.startedAt(), job.finishedAt()).toMillis() / 1000.0);
        registry.summary("sanbao.import.rows.per.second", "kind", "payment").record(rows / seconds);
    }

    /** Runs in the import's own transaction: the link commits exactly when the revision does. */
    void linkRevision(long id, long revision) {
        jdbc.sql("insert into payment_import_revision (import_id, revision_id) values (:id, :rev)")
                .param("id", id).param("rev", revision).update();
    }

    /** The instance running these jobs is alive: renews their heartbeat (see {@link #abandoned}). */
    void heartbeat(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return;
        own.executeWithoutResult(s -> jdbc.sql("update payment_import set heartbeat_at = :at where id in (:ids) and status = 'RUNNING'")
                .param("at", Timestamp.valueOf(LocalDateTime.now(clock))).param("ids", ids).update());
    }

    /** Jobs still marked RUNNING whose instance has not renewed them (nor started them) since the cutoff, oldest first. */
    List<Long> abandoned(LocalDateTime cutoff) {
        return jdbc.sql("select id from payment_import where status = 'RUNNING' and coalesce(heartbeat_at, started_at) < :cutoff "
                + "order by id").param("cutoff", Timestamp.valueOf(cutoff)).query(Long.class).list();
    }

    /** The revision an import committed, if it got that far. */
    java.util.Optional<Long> committedRevision(long id) {
        return jdbc.sql("select revision_id from payment_import_revision where import_id = :id").param("id", id)
                .query(Long.class).optional();
    }

    public Job find(long id) {
        return jdbc.sql("select id, file_name, period, status, phase, rows_done, revision_id, message, created_by, started_at, "
                        + "finished_at from payment_import where id = :id").param("id", id)
                .query((rs, n) -> new Job(rs.getLong(1), rs.getString(2), rs.getString(3), Status.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getLong(6), rs.getObject(7, Long.class), rs.getString(8), rs.getString(9),
                        rs.getTimestamp(10).toLocalDateTime(),
                        rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toLocalDateTime(), problems(id)))
                .optional().orElseThrow(() -> new NoSuchElementException("支付明细导入任务 #" + id + " 不存在"));
    }

    private List<Finding> problems(long id) {
        return jdbc.sql("select file_name, sheet, row_no, col, reason from payment_import_problem where import_id = :id order by seq")
                .param("id", id)
                .query((rs, n) -> new Finding(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5))).list();
    }

    public List<Job> recent(int limit) {
        return jdbc.sql("select id from payment_import order by id desc fetch first :n rows only").param("n", limit)
                .query(Long.class).list().stream().map(this::find).toList();
    }
}
