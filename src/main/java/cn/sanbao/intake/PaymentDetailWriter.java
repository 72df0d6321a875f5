package cn.sanbao.intake;

import cn.sanbao.engine.Period;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Pass 2: re-reads the (already checked) file and stores every payment with its pillar, in batches. */
final class PaymentDetailWriter {

    static final int BATCH = 5000;
    private static final String INSERT = "insert into payment_detail (revision_id, line_no, period, unit_code, pay_date, amount, "
            + "function_code, economic_code, project_code, agency, pillar) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    PaymentDetailWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(long revision, Period period, PaymentSource source, PaymentChecker checker, Function<PaymentRow, Pillar> classify,
               PaymentImportService.Progress progress) {
        List<PaymentRow> batch = new ArrayList<>(BATCH);
        List<Pillar> pillars = new ArrayList<>(BATCH);
        long[] done = {0};
        boolean[] header = {true};
        try {
            source.forEach((line, cells) -> {
                if (header[0]) {
                    header[0] = false;
                    checker.header(line, cells);
                    return;
                }
                PaymentRow r = checker.check(line, cells);
                if (r == null) throw new IllegalStateException("支付明细在检查后发生变化：第" + line + "行");
                batch.add(r);
                pillars.add(classify.apply(r));
                if (batch.size() == BATCH) {
                    flush(revision, period, batch, pillars);
                    done[0] += BATCH;
                    progress.update("写入明细", done[0]);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        flush(revision, period, batch, pillars);
    }

    private void flush(long revision, Period period, List<PaymentRow> batch, List<Pillar> pillars) {
        if (batch.isEmpty()) return;
        if (PostgresCopy.copy(jdbc.getDataSource(), revision, period, batch, pillars)) {
            batch.clear();
            pillars.clear();
            return;
        }
        jdbc.batchUpdate(INSERT, new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
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
        batch.clear();
        pillars.clear();
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
