package cn.sanbao.intake;

import cn.sanbao.kernel.Period;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Tables payment_detail, payment_unit_month and payment_unclassified. Pass 2: stores every payment with its pillar. A helper thread supplies the rows — on PostgreSQL the bytes
 * pass 1 already encoded ({@link GroupedSpill}), elsewhere by reading the checked file again — while the calling
 * thread, the one holding the import's transaction, writes: one COPY on PostgreSQL, batched inserts elsewhere. A failure on either side stops both and
 * propagates, so the transaction rolls back as a whole.
 */
@Repository
class PaymentDetailRepository {

    static final int BATCH = 5000;
    private static final Object END = new Object();
    private static final String INSERT = "insert into payment_detail (revision_id, line_no, period, unit_code, pay_date, amount, "
            + "function_code, economic_code, project_code, agency, pillar) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    PaymentDetailRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True on PostgreSQL, where pass 1 encodes the rows for COPY. */
    boolean copySupported() {
        return PostgresCopy.supported(jdbc.getDataSource());
    }

    /** Rows of one batch: encoded COPY bytes on PostgreSQL, the rows themselves for batched inserts. */
    private record Batch(int count, byte[] copy, List<PaymentRow> rows, List<PaymentClass> pillars) {
    }

    /** spill: the rows encoded by pass 1 (PostgreSQL, sent with COPY); null: the file is read again (batched inserts). */
    void write(long revision, Period period, PaymentSource source, PaymentChecker checker, Function<PaymentRow, PaymentClass> classify,
               GroupedSpill spill, PaymentImportService.Progress progress) {
        PostgresCopy copy = spill == null ? null : PostgresCopy.open(jdbc.getDataSource());
        if (spill != null && copy == null) throw new IllegalStateException("COPY 仅用于 PostgreSQL");
        Handover queue = new Handover();
        Thread reader = new Thread(() -> {
            try {
                if (spill != null) spill.send(revision, BATCH, (bytes, length, rows) -> queue.put(new Batch(rows, Arrays.copyOf(bytes, length), null, null)));
                else read(source, checker, classify, queue);
                queue.put(END);
            } catch (CancellationException e) {
                // the writer failed and is no longer reading; its own error is the one reported
            } catch (IOException e) {
                queue.fail(new UncheckedIOException(e));
            } catch (RuntimeException | Error e) {
                if (!queue.stopped) queue.fail(e);
            }
        }, "payment-detail-reader");
        reader.setDaemon(true);
        reader.start();
        boolean ok = false;
        try {
            long done = 0;
            for (Object o = queue.items.take(); o != END; o = queue.items.take()) {
                if (o instanceof RuntimeException e) throw e;
                if (o instanceof Error e) throw e;
                Batch b = (Batch) o;
                if (copy != null) copy.write(b.copy(), b.copy().length);
                else insert(revision, period, b.rows(), b.pillars());
                done += b.count();
                progress.update("写入明细", done);
            }
            if (copy != null) copy.end();
            ok = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("支付明细写入被中断");
        } finally {
            if (!ok) {
                queue.stopped = true;
                if (copy != null) copy.cancel();
            }
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void read(PaymentSource source, PaymentChecker checker, Function<PaymentRow, PaymentClass> classify, Handover queue)
            throws IOException {
        List<PaymentRow> rows = new ArrayList<>(BATCH);
        List<PaymentClass> pillars = new ArrayList<>(BATCH);
        boolean[] header = {true};
        source.forEach((line, cells) -> {
            if (queue.stopped) throw new CancellationException();
            if (header[0]) {
                header[0] = false;
                checker.header(line, cells);
                return;
            }
            PaymentRow r = checker.check(line, cells);
            if (r == null) throw new IllegalStateException("支付明细在检查后发生变化：第" + line + "行");
            rows.add(r);
            pillars.add(classify.apply(r));
            if (rows.size() == BATCH) {
                queue.put(new Batch(rows.size(), null, new ArrayList<>(rows), new ArrayList<>(pillars)));
                rows.clear();
                pillars.clear();
            }
        });
        if (!rows.isEmpty()) queue.put(new Batch(rows.size(), null, rows, pillars));
    }

    /** Batches from the reader to the writer; a few in flight bound the memory. The writer sets stopped when it fails. */
    private static final class Handover {
        final BlockingQueue<Object> items = new ArrayBlockingQueue<>(8);
        volatile boolean stopped;

        void put(Object o) {
            try {
                while (!stopped) {
                    if (items.offer(o, 100, TimeUnit.MILLISECONDS)) return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new CancellationException();
        }

        /** Passes a reading failure to the writer, unless the writer has already given up. */
        void fail(Throwable e) {
            try {
                put(e);
            } catch (CancellationException ignored) {
                // the writer's own failure is the one reported
            }
        }
    }

    /** Rows already in memory (generated, e.g. the demo year), written in batches of {@link #BATCH}. */
    void insertAll(long revision, Period period, List<PaymentRow> rows, List<PaymentClass> pillars) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            int to = Math.min(rows.size(), from + BATCH);
            insert(revision, period, rows.subList(from, to), pillars.subList(from, to));
        }
    }

    private void insert(long revision, Period period, List<PaymentRow> batch, List<PaymentClass> pillars) {
        jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                PaymentRow r = batch.get(i);
                ps.setLong(1, revision);
                ps.setLong(2, r.line());
                ps.setString(3, period.code());
                ps.setString(4, r.unitCode());
                ps.setDate(5, Date.valueOf(r.payDate()));
                ps.setBigDecimal(6, r.amount());
                ps.setString(7, r.functionCode());
                ps.setString(8, r.economicCode());
                ps.setString(9, r.projectCode());
                ps.setString(10, r.agency());
                ps.setString(11, pillars.get(i).name());
            }

            @Override
            public int getBatchSize() { return batch.size(); }
        });
    }

    /** One row per unit-month of the revision: which revision is current for a unit-month is read from here. */
    void unitMonths(long revision, Period period, Map<String, Long> rowsPerUnit) {
        jdbc.batchUpdate("insert into payment_unit_month (revision_id, unit_code, period, row_count) values (?, ?, ?, ?)",
                new ArrayList<>(rowsPerUnit.entrySet()), 500, (ps, e) -> {
                    ps.setLong(1, revision);
                    ps.setString(2, e.getKey());
                    ps.setString(3, period.code());
                    ps.setLong(4, e.getValue());
                });
    }

    void unclassified(long revision, List<PaymentResult.Unclassified> list) {
        jdbc.batchUpdate("insert into payment_unclassified (revision_id, function_code, economic_code, row_count, amount) "
                        + "values (?, ?, ?, ?, ?)", list, 500, (ps, u) -> {
                    ps.setLong(1, revision);
                    ps.setString(2, u.functionCode());
                    ps.setString(3, u.economicCode());
                    ps.setLong(4, u.rows());
                    ps.setBigDecimal(5, u.amount());
                });
    }
}
