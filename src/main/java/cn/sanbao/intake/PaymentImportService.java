package cn.sanbao.intake;

import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRevision;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.region.RegionTree;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Imports a 支付明细 file in two streaming passes. Pass 1 checks, classifies and sums every row without
 * touching the database; only a clean file reaches pass 2, which in ONE transaction stores the to-date
 * facts as a revision and every detail row. Any failure rolls both back: no partial revision, no rows.
 * On PostgreSQL pass 1 also encodes the rows for COPY ({@link GroupedSpill}), so pass 2 only sends them.
 *
 * To-date rule: paid_X(month m) = paid_X in force for month m−1 + this file's month-m sum; January starts
 * from zero. A file holds each of its units' complete payments of the month, so re-importing a month
 * replaces it (rebuilt from the previous month, never added twice).
 */
@Service
public class PaymentImportService {

    /** Receives progress; the job runner writes it to the job table. */
    public interface Progress {
        void update(String phase, long rows);

        /** Called often while rows are read; throws {@link ImportCancelledException} when the job was cancelled. */
        default void check() {
        }

        /** Called inside the import's transaction once the revision exists (the job records it there). */
        default void revisionCreated(long revision) {
        }
    }

    static final long PROGRESS_EVERY = 100_000;

    private final RegionTree regions;
    private final PillarMappingService mappings;
    private final FactRepository facts;
    private final PaymentDetailRepository writer;
    private final PaymentPartitionRepository partitions;
    private final TransactionOperations tx;
    /**
     * One import writes at a time. The revision's audit entry locks the audit chain until the (long) transaction
     * ends, so a second import would wait on the database anyway — and H2 gives up after its lock timeout.
     */
    private final ReentrantLock writing = new ReentrantLock(true);
    private final AuditLog audit;
    private final ReportingPeriods periods;
    private final SpendingMarks marks;

    public PaymentImportService(RegionTree regions, PillarMappingService mappings, FactRepository facts, PaymentDetailRepository writer,
                                PaymentPartitionRepository partitions, TransactionOperations tx, AuditLog audit, ReportingPeriods periods, SpendingMarks marks) {
        this.periods = periods;
        this.marks = marks;
        this.regions = regions;
        this.mappings = mappings;
        this.facts = facts;
        this.writer = writer;
        this.partitions = partitions;
        this.tx = tx;
        this.audit = audit;
    }

    public PaymentResult importFile(Path file, String fileName, Period period, String user, Predicate<String> mayReport,
                                    Progress progress) {
        return importFile(file, fileName, period, user, mayReport, progress, null);
    }

    /** As above; {@code rescore} (may be null) is stored with the revision as a re-scoring request for monitoring. */
    public PaymentResult importFile(Path file, String fileName, Period period, String user, Predicate<String> mayReport,
                                    Progress progress, Period rescore) {
        requireMonth(fileName, period);
        try {
            if (Files.size(file) == 0) throw IntakeRejectedException.of(fileName, null, "文件为空");
            String hash = sha256(file);
            PaymentSource source = PaymentSource.of(file, fileName);
            try (GroupedSpill spill = writer.copySupported() ? new GroupedSpill(period.code()) : null) {
                return importChecked(source, () -> hash, fileName, period, user, mayReport, spill, progress, rescore);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Imports rows handed over by another module (a connector) exactly as the file of those rows would be imported:
     * same checks, findings, to-date rule, revision and duplicate recognition. The rows are read once, on the first
     * pass's reading thread while the caller's thread checks them, with no file in between where COPY is used.
     */
    public PaymentResult importRows(PaymentRows rows, String name, Period period, String user, Predicate<String> mayReport,
                                    Progress progress) {
        requireMonth(name, period);
        try (RowsSource source = new RowsSource(rows, name, !writer.copySupported());
             GroupedSpill spill = writer.copySupported() ? new GroupedSpill(period.code()) : null) {
            return importChecked(source, source::hash, name, period, user, mayReport, spill, progress, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A payment import is of one month, not a future one. */
    private void requireMonth(String name, Period period) {
        if (period.type() != Period.Type.MONTH) throw new IllegalArgumentException("支付明细按月导入，期间应为月（如 2021-03）");
        String future = periods.problem(period);
        if (future != null) throw IntakeRejectedException.of(name, null, future);
    }

    private PaymentResult importChecked(PaymentSource source, Supplier<String> contentHash, String fileName, Period period, String user,
                                        Predicate<String> mayReport, GroupedSpill spill, Progress progress, Period rescore) throws IOException {
        PillarMappingService.Version mapping = mappings.current();
        PillarClassifier classifier = new PillarClassifier(mappings.rules(mapping.id()));
        Pass1 pass1 = checkAndClassify(source, fileName, period, mayReport, classifier, spill, progress);
        PaymentAggregator sums = pass1.sums();
        long rows = pass1.rows();
        List<Finding> problems = pass1.problems();
        Map<String, Map<PaymentClass, BigDecimal>> totals = sums.totals();
        // the previous month's figures in force, read once for paid_* and the derived items (January starts from zero)
        Map<String, BigDecimal> before = !problems.isEmpty() || period.number() == 1 ? Map.of() : previous(period);
        List<FactValue> values = problems.isEmpty() ? toDate(fileName, period, totals, before, problems) : new ArrayList<>();
        // the derived items (非三保, debt service, 直达资金 paid) follow the same rule, but a missing previous month only
        // leaves the item out that month (they are new and optional) instead of rejecting the file
        if (problems.isEmpty()) values.addAll(DerivedPaymentItems.toDate(period, sums.derived(), before));
        if (!problems.isEmpty()) throw new IntakeRejectedException(problems, pass1.unlisted());
        String hash = contentHash.get(); // known once pass 1 has read every row

        Optional<FactRevision> same = facts.findByContentHash(hash);
        if (same.isPresent()) {
            return new PaymentResult(null, same.get().id(), period.code(), rows, mapping.version(), totals, sums.unclassified());
        }
        String label = FileImportService.cut("支付明细 " + fileName, 250) + "（" + period.label() + "，三保科目配置第 "
                + mapping.version() + " 版）";
        List<PaymentResult.Unclassified> unclassified = sums.unclassified();
        partitions.ensure(period); // before the transaction: creating a partition briefly locks the whole table
        writing.lock();
        long revision;
        try {
            revision = tx.execute(status -> {
                long rev = facts.createRevision("PAYMENT", label, user, hash, values, "INTAKE_PAYMENT",
                        label + "，" + rows + " 行，未分类代码组合 " + unclassified.size() + " 个，SHA-256 " + hash, rescore);
                progress.revisionCreated(rev);
                PaymentChecker again = new PaymentChecker(fileName, source, period, regions, mayReport);
                PaymentClassifierCopy copy = new PaymentClassifierCopy(new PillarClassifier(mappings.rules(mapping.id())));
                writer.write(rev, period, source, again, copy::classify, spill, progress);
                writer.unitMonths(rev, period, sums.rowsPerUnit());
                writer.unclassified(rev, unclassified);
                return rev;
            });
        } finally {
            writing.unlock();
        }
        return new PaymentResult(revision, null, period.code(), rows, mapping.version(), totals, unclassified);
    }

    record Pass1(PaymentAggregator sums, long rows, List<Finding> problems, long unlisted) {
    }

    /** Pass 1: reads, checks, classifies and sums every row; no database access (the benchmark times exactly this). */
    Pass1 checkAndClassify(PaymentSource source, String fileName, Period period, Predicate<String> mayReport,
                           PillarClassifier classifier, GroupedSpill spill, Progress progress) throws IOException {
        return checkAndClassify(source, fileName, period, mayReport, classifier, marks.matcher(), spill, progress);
    }

    /** Pass 1 with an explicit marks matcher; null leaves the derived items out (the benchmark compares both). */
    Pass1 checkAndClassify(PaymentSource source, String fileName, Period period, Predicate<String> mayReport,
                           PillarClassifier classifier, SpendingMarks.Matcher matcher, GroupedSpill spill,
                           Progress progress) throws IOException {
        PaymentChecker checker = new PaymentChecker(fileName, source, period, regions, mayReport);
        PaymentAggregator sums = new PaymentAggregator(classifier, matcher);
        long[] seen = {0};
        boolean[] headerOk = {false};
        new PipelinedSource(source).forEach((line, cells) -> {
            if ((seen[0] & 1023) == 0) progress.check();
            if (seen[0]++ == 0) {
                headerOk[0] = checker.header(line, cells);
                return;
            }
            if (!headerOk[0]) return; // without the columns no row can be read
            PaymentRow r = checker.check(line, cells);
            if (r != null) {
                PaymentClass p = sums.add(r);
                if (spill != null && checker.problemCount == 0) spill.add(r, p);
            }
            if ((seen[0] - 1) % PROGRESS_EVERY == 0) progress.update("检查与分类", seen[0] - 1);
        });
        long rows = Math.max(0, seen[0] - 1);
        if (checker.problemCount == 0 && rows == 0) throw IntakeRejectedException.of(fileName, null, "文件只有表头，没有支付明细行");
        return new Pass1(sums, rows, new ArrayList<>(checker.problems), checker.problemCount - checker.problems.size());
    }

    /** A fresh classifier for pass 2 (classifiers cache and are single-threaded). */
    private record PaymentClassifierCopy(PillarClassifier c) {
        PaymentClass classify(PaymentRow r) { return c.classify(r.economicCode(), r.functionCode()); }
    }

    private List<FactValue> toDate(String file, Period period, Map<String, Map<PaymentClass, BigDecimal>> totals,
                                   Map<String, BigDecimal> before, List<Finding> problems) {
        boolean january = period.number() == 1;
        List<FactValue> values = new ArrayList<>();
        totals.forEach((unit, sums) -> {
            for (PaymentClass p : PaymentClass.COUNTED) {
                BigDecimal prev = january ? BigDecimal.ZERO : before.get(unit + "|" + p.itemCode());
                if (prev == null) {
                    problems.add(Finding.at(file, null, unit + " 上月（" + period.previous().label() + "）尚无" + p.label()
                            + "累计支出，无法按“上月累计 + 本月支付”计算累计数；请先导入上月支付明细或报送上月累计数"));
                    continue;
                }
                BigDecimal toDate = prev.add(sums.get(p));
                if (toDate.signum() < 0) {
                    problems.add(Finding.at(file, null, unit + " " + p.label() + "累计支出为负（上月累计 " + prev.toPlainString()
                            + " 元，本月合计 " + sums.get(p).toPlainString() + " 元），请检查冲销记录"));
                    continue;
                }
                values.add(new FactValue(unit, period.code(), p.itemCode(), toDate));
            }
        });
        return values;
    }

    private Map<String, BigDecimal> previous(Period period) {
        Map<String, BigDecimal> before = new HashMap<>();
        for (ResolvedFact f : facts.current(List.of(period.previous().code()), null)) before.put(f.unitCode() + "|" + f.itemCode(), f.amount());
        return before;
    }

    static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
