package cn.sanbao.connectors;

import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.facts.ValidFacts;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.intake.Finding;
import cn.sanbao.intake.IntakeRejectedException;
import cn.sanbao.intake.PaymentImportService;
import cn.sanbao.intake.PaymentResult;
import cn.sanbao.intake.SubmissionValidator;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Runs a connector: reads its item queries for the period into one revision (source CONNECTOR) through the upload
 * validator, and each payment query month by month through the payment import. All-or-nothing per revision; values
 * equal to those in force store nothing. A failed or refused run counts a failure, retries with back-off and alerts
 * after the connector's limit. A dry run reads and validates the same way and stores nothing.
 */
@Service
public class ConnectorRunner {

    private static final Logger log = LoggerFactory.getLogger(ConnectorRunner.class);
    static final Duration FIRST_RETRY = Duration.ofMinutes(5);
    static final Duration MAX_RETRY = Duration.ofHours(6);

    /** What a run (or dry run) found. */
    /** Shown once after a redirect, so it travels in the session, which is stored in the database: serializable. */
    public record Outcome(long runId, ConnectorRun.Status status, long rows, Long revisionId, Long duplicateOf, String message,
                          List<String> problems, List<List<String>> preview) implements Serializable {
    }

    private final ConnectorService connectors;
    private final ConnectorRepository store;
    private final SubmissionValidator validator;
    private final FactRepository facts;
    private final PaymentImportService payments;
    private final cn.sanbao.intake.PaymentRepository paid;
    private final cn.sanbao.cashwatch.DailyCashWatch cash;
    private final AuditLog audit;
    private final ConnectorAlerts alerts;
    private final TransactionOperations tx;
    private final Clock clock;

    ConnectorRunner(ConnectorService connectors, ConnectorRepository store, SubmissionValidator validator, FactRepository facts,
                    PaymentImportService payments, cn.sanbao.intake.PaymentRepository paid,
                    cn.sanbao.cashwatch.DailyCashWatch cash, AuditLog audit, ConnectorAlerts alerts, TransactionOperations tx,
                    ObjectProvider<Clock> clock) {
        this.connectors = connectors;
        this.store = store;
        this.validator = validator;
        this.facts = facts;
        this.payments = payments;
        this.paid = paid;
        this.cash = cash;
        this.audit = audit;
        this.alerts = alerts;
        this.tx = tx;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** trigger: MANUAL, SCHEDULE, RETRY or DRY_RUN. period null = the connector's scheduled period. */
    public Outcome run(long connectorId, Period period, String trigger, String actor) {
        Connector c = connectors.require(connectorId);
        Period p = period == null ? connectors.scheduledPeriod(c) : period;
        boolean dry = "DRY_RUN".equals(trigger);
        String by = actor == null ? "连接器:" + ConnectorRepository.cut(c.name(), 50) : actor;
        long runId = tx.execute(s -> store.startRun(c.id(), trigger, p.code(), by, now()));
        Work w = new Work(c, p, dry, by, "SCHEDULE".equals(trigger) || "RETRY".equals(trigger));
        ConnectorRun.Status status;
        String message;
        List<String> problems = List.of();
        try {
            w.execute();
            status = dry ? ConnectorRun.Status.DRY_RUN
                    : w.stored.isEmpty() && !w.cashStored ? ConnectorRun.Status.UNCHANGED : ConnectorRun.Status.STORED;
            message = w.summary();
        } catch (IntakeRejectedException e) {
            status = ConnectorRun.Status.REJECTED;
            problems = e.findings().stream().map(Finding::text).toList();
            message = "数据未保存，共 " + e.count() + "错误";
        } catch (RuntimeException e) {
            status = ConnectorRun.Status.FAILED;
            message = "提取失败：" + SourceErrors.reason(e);
            log.warn("连接器“{}”提取失败：{}", c.name(), message);
        }
        ConnectorRun.Status st = status;
        String msg = message;
        List<String> pr = problems;
        tx.executeWithoutResult(s -> {
            store.finishRun(runId, st, w.rows, w.stored.isEmpty() ? null : w.stored.get(w.stored.size() - 1),
                    w.duplicate, msg, pr, now());
            if (!dry) bookkeeping(c, runId, st, msg, by);
            audit.record(by, dry ? "CONNECTOR_DRY_RUN" : "CONNECTOR_RUN", "connector:" + c.id(), "连接器“" + c.name() + "” "
                    + p.label() + "（" + ConnectorRun.triggerLabel(trigger) + "）：" + st.label() + "，读取 " + w.rows + " 行；" + msg);
        });
        return new Outcome(runId, st, w.rows, w.stored.isEmpty() ? null : w.stored.get(w.stored.size() - 1), w.duplicate, msg, pr, w.preview);
    }

    /** Success clears the failure count; a failure schedules a retry (5 min, doubling, at most 6 h) and alerts at the limit. */
    private void bookkeeping(Connector c, long runId, ConnectorRun.Status st, String message, String by) {
        boolean failed = st == ConnectorRun.Status.REJECTED || st == ConnectorRun.Status.FAILED;
        int failures = failed ? c.failures() + 1 : 0;
        LocalDateTime at = now();
        LocalDateTime retry = failed ? at.plus(backoff(failures)) : null;
        store.schedule(c.id(), failures, retry, at);
        // at the limit or beyond (the limit may have been lowered during a streak); once per streak
        if (failed && failures >= c.alertAfter() && alerts.raise(c, runId, failures, st.label() + "，" + message, at)) {
            audit.record(by, "CONNECTOR_ALERT", "connector:" + c.id(), "连接器“" + c.name() + "”已连续失败 " + failures
                    + " 次，请分析员检查（最近一次：" + st.label() + "）");
            log.error("连接器“{}”已连续失败 {} 次", c.name(), failures);
        }
    }

    static Duration backoff(int failures) {
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(20, Math.max(0, failures - 1)));
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** One run's reading and storing. */
    private final class Work {
        final Connector c;
        final Period period;
        final boolean dry;
        final String by;
        final boolean incremental;
        final List<Long> stored = new ArrayList<>();
        /** A daily cash revision was stored (its numbers are the daily watch's, not fact revisions). */
        boolean cashStored;
        final List<List<String>> preview = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        Long duplicate;
        long rows;

        Work(Connector c, Period period, boolean dry, String by, boolean incremental) {
            this.c = c;
            this.period = period;
            this.dry = dry;
            this.by = by;
            this.incremental = incremental;
        }

        void execute() {
            List<Connector.Query> queries = connectors.queries(c.id());
            if (queries.isEmpty()) throw new IllegalStateException("连接器还没有查询");
            Map<String, String> units = store.unitCodes(c.id());
            String password = connectors.password(c.id());
            try (SourceReader source = SourceReader.open(c, password)) {
                if (queries.stream().anyMatch(q -> q.kind() == Connector.Kind.ITEM)) items(source, queries, units);
                for (Connector.Query q : queries) if (q.kind() == Connector.Kind.PAYMENT) payments(source, q, units);
                for (Connector.Query q : queries) if (q.kind() == Connector.Kind.DAILY_CASH) dailyCash(source, q, units);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("无法连接源数据库：" + SourceErrors.reason(e), e);
            }
        }

        private void items(SourceReader source, List<Connector.Query> queries, Map<String, String> units) {
            ItemExtraction.Result r = new ItemExtraction(c, units, period).read(source, queries,
                    new SourceReader.Params(period.code(), period.startDate(), period.endDate(), null));
            rows += r.rows();
            preview.addAll(r.preview());
            ValidFacts checked = validator.validate(r.submission(), period, u -> true);
            List<FactValue> values = checked.values();
            if (unchanged(values)) {
                notes.add(period.label() + "数据项 " + values.size() + " 个数值与现有数据相同，未保存");
                return;
            }
            if (dry) {
                notes.add(period.label() + "数据项 " + values.size() + " 个数值通过校验（试运行，未保存）");
                return;
            }
            String hash = hash(values);
            long rev = tx.execute(s -> facts.createRevision("CONNECTOR",
                    ConnectorRepository.cut("连接器“" + c.name() + "”提取 " + period.label(), 300), by, hash, checked,
                    "CONNECTOR_REVISION", "连接器“" + c.name() + "”提取 " + period.label() + "，" + values.size() + " 个数值"));
            stored.add(rev);
            notes.add(period.label() + "数据项已保存为数据修订 #" + rev + "，共 " + values.size() + " 个数值");
        }

        /** Equal to what is in force for every value (and nothing in force is missing from the extract): nothing to store. */
        private boolean unchanged(List<FactValue> values) {
            Map<String, java.math.BigDecimal> now = new HashMap<>();
            for (ResolvedFact f : facts.current(List.of(period.code()), null)) now.put(f.unitCode() + "|" + f.itemCode(), f.amount());
            for (FactValue v : values) {
                java.math.BigDecimal old = now.get(v.unitCode() + "|" + v.itemCode());
                if (old == null || old.compareTo(v.amount()) != 0) return false;
            }
            return true;
        }

        /**
         * A 库款日报 query reads the period's days (:from, :to) and stores them through the daily cash watch, one revision
         * per query, with the upload's checks; identical balances store nothing; a dry run stores in a rolled-back transaction.
         */
        private void dailyCash(SourceReader source, Connector.Query q, Map<String, String> units) {
            DailyExtraction x = new DailyExtraction(c, q, units);
            List<cn.sanbao.cashwatch.DailyBalance> days = x.read(source, new SourceReader.Params(period.code(), period.startDate(), period.endDate(), null));
            rows += days.size();
            preview.addAll(x.preview());
            if (days.isEmpty()) {
                notes.add(period.label() + "“" + q.name() + "”没有库款日报");
                return;
            }
            String file = DailyExtraction.file(c, q);
            cn.sanbao.cashwatch.DailyCashResult r;
            try {
                r = dry ? tx.execute(s -> {
                    s.setRollbackOnly(); // the same checks and comparison, nothing kept (nor its event or audit entry)
                    return cash.store("connector:" + c.id(), file, days, by);
                }) : cash.store("connector:" + c.id(), file, days, by);
            } catch (cn.sanbao.cashwatch.DailyCashRejected e) {
                throw x.translate(e);
            }
            if (r.revisionId() == null) {
                notes.add("“" + q.name() + "” " + days.size() + " 天余额与现有数据相同，未保存");
            } else if (dry) {
                notes.add("“" + q.name() + "” " + days.size() + " 行通过校验，其中新增或变化 " + r.changed() + " 行（试运行，未保存）");
            } else {
                cashStored = true;
                notes.add("“" + q.name() + "”库款日报已保存为库款日报修订 #" + r.revisionId() + "：" + r.rows() + " 行，新增或变化 "
                        + r.changed() + " 行（" + r.firstDay() + " 至 " + r.lastDay() + "）");
            }
        }

        /** A month period reads that month; a scheduled run continues from the month of the watermark (last payment date read). */
        private void payments(SourceReader source, Connector.Query q, Map<String, String> units) {
            if (period.type() != Period.Type.MONTH) return;
            Period first = period;
            if (incremental && q.watermark() != null) {
                LocalDate w = LocalDate.parse(q.watermark());
                Period mark = Period.month(w.getYear(), w.getMonthValue());
                if (mark.compareTo(period) < 0) first = mark;
            }
            LocalDate latest = null;
            for (Period m = first; m.compareTo(period) <= 0; m = Period.month(m.endDate().plusDays(1).getYear(), m.endDate().plusDays(1).getMonthValue())) {
                LocalDate got = paymentMonth(source, q, units, m);
                if (got != null && (latest == null || got.isAfter(latest))) latest = got;
            }
            if (!dry && latest != null && (q.watermark() == null || latest.toString().compareTo(q.watermark()) > 0)) {
                String mark = latest.toString();
                tx.executeWithoutResult(s -> store.watermark(q.id(), mark));
            }
        }

        private LocalDate paymentMonth(SourceReader source, Connector.Query q, Map<String, String> units, Period month) {
            String file = "连接器“" + c.name() + "”";
            ConnectorRepository.VoucherMark mark = q.columns().containsKey("watermark") ? store.voucherMark(q.id()) : null;
            PaymentExtraction.Continuation from = continuation(q, mark, month);
            PaymentExtraction x = new PaymentExtraction(q, units, source,
                    new SourceReader.Params(month.code(), month.startDate(), month.endDate(), null), file, from);
            PaymentResult r;
            try {
                r = dry ? dryImport(x, q, month) : payments.importRows(x, fileName(q), month, by, u -> true, (phase, n) -> { });
            } catch (PaymentExtraction.NothingRead e) {
                notes.add(month.label() + "“" + q.name() + "”" + (from == null ? "没有支付明细" : "没有凭证号 " + from.afterVoucher() + " 之后的新凭证"));
                return null;
            } catch (PaymentExtraction.SourceFailed e) {
                throw e.refusal;
            } catch (IntakeRejectedException e) {
                throw x.translate(e, file);
            } finally {
                rows += x.rows();
                preview.addAll(x.preview().stream().map(row -> {
                    List<String> l = new ArrayList<>(List.of(q.name()));
                    l.addAll(row);
                    return l;
                }).toList());
            }
            if (r == null) {
                notes.add(month.label() + "“" + q.name() + "” " + x.rows() + " 行通过校验（试运行，未保存）");
            } else if (r.duplicateOf() != null) {
                duplicate = r.duplicateOf();
                notes.add(month.label() + "“" + q.name() + "”与数据修订 #" + r.duplicateOf() + " 相同，未保存");
            } else {
                stored.add(r.revisionId());
                notes.add(month.label() + "“" + q.name() + "” " + r.rows() + " 行支付明细已保存为数据修订 #" + r.revisionId());
            }
            if (r != null && !dry && x.lastVoucher() != null) {
                // the month now stands in this revision up to this voucher: the next scheduled run continues from here
                long upTo = from != null ? Math.max(from.afterVoucher(), x.lastVoucher()) : x.lastVoucher();
                var next = new ConnectorRepository.VoucherMark(upTo, r.duplicateOf() != null ? r.duplicateOf() : r.revisionId(), month.code());
                tx.executeWithoutResult(s -> store.voucherMark(q.id(), next));
            }
            return x.latest();
        }

        /**
         * A scheduled run continues the month of the voucher watermark when the platform still holds that month as the
         * connector left it (no upload or other revision since): then only later vouchers are read from the source.
         */
        private PaymentExtraction.Continuation continuation(Connector.Query q, ConnectorRepository.VoucherMark mark, Period month) {
            if (!incremental || mark == null || mark.voucher() == null || mark.revision() == null || !month.code().equals(mark.period()))
                return null;
            if (!paid.latestRevision(month.code()).filter(mark.revision()::equals).isPresent()) return null;
            return new PaymentExtraction.Continuation(mark.voucher(),
                    sink -> tx.executeWithoutResult(s -> paid.forEach(mark.revision(), month.code(), sink)));
        }

        /** The whole import inside a transaction that is rolled back: the same checks, nothing kept (audit is written at commit). */
        private PaymentResult dryImport(PaymentExtraction x, Connector.Query q, Period month) {
            PaymentResult[] r = {null};
            tx.executeWithoutResult(s -> {
                s.setRollbackOnly();
                r[0] = payments.importRows(x, fileName(q), month, by, u -> true, (phase, n) -> { });
            });
            return r[0] != null && r[0].duplicateOf() != null ? r[0] : null;
        }

        private String fileName(Connector.Query q) {
            return ConnectorRepository.cut("连接器“" + c.name() + "”查询“" + q.name() + "”", 200);
        }

        String summary() {
            return notes.isEmpty() ? "没有读取到数据" : String.join("；", notes);
        }
    }

    static String hash(List<FactValue> values) {
        StringBuilder sb = new StringBuilder("connector\n");
        values.stream().map(v -> v.unitCode() + "|" + v.period() + "|" + v.itemCode() + "|" + v.amount().toPlainString())
                .sorted().forEach(s -> sb.append(s).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
