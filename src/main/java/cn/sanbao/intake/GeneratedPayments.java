package cn.sanbao.intake;

import cn.sanbao.kernel.Period;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stores payment detail made in memory (the demo year) under an existing revision whose to-date facts it
 * explains, classified by the current 三保科目配置 like an imported file, and listed on the payments screen as a
 * finished import. Refuses, storing nothing, when the classified month sums differ from what the caller says
 * the facts are: detail and monitoring must show the same money. It writes no audit entry: the caller audits the
 * import once, on the revision it creates for the import (see {@code FactRepository.createRevision}), so that an
 * import leaves one entry and the revision the rows explain keeps only its own.
 */
@Service
public class GeneratedPayments {

    private final PillarMappingService mappings;
    private final PaymentDetailRepository writer;
    private final PaymentPartitionRepository partitions;
    private final PaymentJobRepository jobs;
    private final TransactionOperations tx;

    GeneratedPayments(PillarMappingService mappings, PaymentDetailRepository writer, PaymentPartitionRepository partitions,
                      PaymentJobRepository jobs, TransactionOperations tx) {
        this.mappings = mappings;
        this.writer = writer;
        this.partitions = partitions;
        this.jobs = jobs;
        this.tx = tx;
    }

    /** A classifier of the current mapping, for a generator that must know where each code pair will count. */
    public PillarClassifier classifier() {
        return new PillarClassifier(mappings.rules(mappings.current().id()));
    }

    /**
     * Stores one month's rows under {@code revision}. {@code monthSums}: unit → counted pillar → the month's
     * increase of the to-date fact; the rows' classified sums must equal it for every unit and pillar. Returns what
     * was stored in words (label, rows, mapping version) for the caller's audit entry.
     */
    public String store(long revision, Period period, List<PaymentRow> rows, Map<String, Map<PaymentClass, BigDecimal>> monthSums,
                      String label, String user) {
        if (period.type() != Period.Type.MONTH) throw new IllegalArgumentException("支付明细按月保存，期间应为月：" + period.code());
        PillarMappingService.Version mapping = mappings.current();
        PaymentAggregator sums = new PaymentAggregator(new PillarClassifier(mappings.rules(mapping.id())));
        PillarClassifier classifier = new PillarClassifier(mappings.rules(mapping.id()));
        List<PaymentClass> pillars = new ArrayList<>(rows.size());
        for (PaymentRow r : rows) {
            sums.add(r);
            pillars.add(classifier.classify(r.economicCode(), r.functionCode()));
        }
        Map<String, Map<PaymentClass, BigDecimal>> totals = sums.totals();
        monthSums.forEach((unit, expected) -> expected.forEach((pillar, amount) -> {
            BigDecimal got = totals.containsKey(unit) ? totals.get(unit).get(pillar) : BigDecimal.ZERO;
            if (got.compareTo(amount) != 0)
                throw new IllegalStateException(period.label() + " " + unit + " " + pillar.label() + "：支付明细合计 " + got.toPlainString()
                        + " 元，与累计支出数据的本月增加额 " + amount.toPlainString() + " 元不一致");
        }));
        long job = jobs.create(label, period.code(), user);
        partitions.ensure(period);
        tx.executeWithoutResult(status -> {
            writer.insertAll(revision, period, rows, pillars);
            writer.unitMonths(revision, period, sums.rowsPerUnit());
            writer.unclassified(revision, sums.unclassified());
        });
        jobs.finish(job, PaymentJobRepository.Status.DONE, revision, mapping.id(), rows.size(), null);
        return label + "，" + rows.size() + " 行存于修订 #" + revision + "，三保科目配置第 " + mapping.version() + " 版";
    }
}
