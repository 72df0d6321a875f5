package cn.sanbao.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import org.springframework.transaction.support.TransactionOperations;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.facts.FactValue;
import cn.sanbao.intake.DerivedPaymentItems;
import cn.sanbao.intake.GeneratedPayments;
import cn.sanbao.intake.PillarClassifier;
import cn.sanbao.intake.SpendingMarks;
import cn.sanbao.intake.PaymentRepository;
import cn.sanbao.intake.PaymentRow;
import cn.sanbao.intake.PaymentClass;
import cn.sanbao.projects.demo.DemoLibrary;
import cn.sanbao.projects.library.Project;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.region.UnitKind;
import cn.sanbao.shared.scheduling.ClusterOnce;

/**
 * Demo mode: after the demo facts (order 10) and before the project library (order 30), gives every budget unit
 * and month of the demo year payment detail whose pillar sums equal the month's increase of the paid-to-date
 * facts in force, stored under the revision that holds those facts. Trace, payments and monitoring then show
 * the same money. Runs once: a year that already has payment detail is left alone.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "sanbao.demo.enabled", havingValue = "true")
public class DemoPaymentsLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPaymentsLoader.class);
    static final int YEAR = DemoDataGenerator.YEAR;
    private static final java.util.Set<String> COUNTED_ITEMS =
            java.util.Arrays.stream(PaymentClass.COUNTED).map(PaymentClass::itemCode).collect(java.util.stream.Collectors.toSet());

    private final FactRepository facts;
    private final RegionTree regions;
    private final GeneratedPayments payments;
    private final PaymentRepository queries;
    private final SpendingMarks marks;
    private final AuditLog audit;
    private final TransactionOperations tx;
    private final ClusterOnce once;

    /** {@code once} may be null when only {@link #load()} is called (tests filling their own database). */
    public DemoPaymentsLoader(FactRepository facts, RegionTree regions, GeneratedPayments payments, PaymentRepository queries,
                              SpendingMarks marks, AuditLog audit, TransactionOperations tx, ClusterOnce once) {
        this.audit = audit;
        this.tx = tx;
        this.once = once;
        this.marks = marks;
        this.facts = facts;
        this.regions = regions;
        this.payments = payments;
        this.queries = queries;
    }

    @Override
    public void run(ApplicationArguments args) {
        // same lock as the demo facts: decided and loaded on one instance, the other waits and then skips
        once.run(DemoDataLoader.LOCK, DemoDataLoader.LOCK_AT_MOST, () -> {
            if (facts.latestRevisionId() == 0) return;
            if (queries.hasUnitMonths(YEAR)) log.info("{}年已有支付明细（或另一实例已加载），不再加载演示支付明细", YEAR);
            else load();
        });
    }

    /** Generates and stores the year's payments; returns the number of rows. */
    public long load() {
        long start = System.nanoTime();
        Map<String, UnitKind> units = new LinkedHashMap<>();
        for (FiscalUnit u : regions.budgetUnits()) units.put(u.code(), u.kind());
        Map<String, List<Project>> projects = new HashMap<>();
        for (Project p : DemoLibrary.projects(YEAR, units)) projects.computeIfAbsent(p.unitCode(), k -> new ArrayList<>()).add(p);
        PillarClassifier classifier = payments.classifier();
        DemoPayments generator = new DemoPayments(classifier, DemoDataGenerator.DEFAULT_SEED);
        DemoSpending spending = new DemoSpending(YEAR, projects, classifier);
        facts.createRevision("DEMO", "演示数据 " + YEAR + "年 非三保支出预算", DemoDataLoader.ACTOR, null, spending.annual());
        Map<String, Map<String, ResolvedFact>> before = Map.of();
        long rows = 0;
        for (int m = 1; m <= 12; m++) {
            Period month = Period.month(YEAR, m);
            Map<String, Map<String, ResolvedFact>> now = paidFacts(month);
            // one store per revision holding the month's facts (normally the month's one demo revision)
            Map<Long, List<PaymentRow>> rowsByRevision = new TreeMap<>();
            Map<Long, Map<String, Map<PaymentClass, BigDecimal>>> sumsByRevision = new TreeMap<>();
            for (String unit : units.keySet()) {
                Map<String, ResolvedFact> f = now.get(unit);
                if (f == null || f.size() < PaymentClass.COUNTED.length) continue; // no complete paid facts: nothing to explain
                long revision = f.get(PaymentClass.WAGE.itemCode()).revisionId();
                Map<PaymentClass, BigDecimal> increase = new EnumMap<>(PaymentClass.class);
                for (PaymentClass p : PaymentClass.COUNTED) {
                    ResolvedFact prev = before.getOrDefault(unit, Map.of()).get(p.itemCode());
                    increase.put(p, f.get(p.itemCode()).amount().subtract(prev == null ? BigDecimal.ZERO : prev.amount()));
                }
                List<PaymentRow> list = rowsByRevision.computeIfAbsent(revision, k -> new ArrayList<>());
                list.addAll(generator.month(month, unit, increase, projects.getOrDefault(unit, List.of()), list.size() + 2L,
                        spending.pace(unit, m)));
                sumsByRevision.computeIfAbsent(revision, k -> new LinkedHashMap<>()).put(unit, increase);
            }
            List<PaymentRow> monthRows = new ArrayList<>();
            rowsByRevision.values().forEach(monthRows::addAll);
            rows += monthRows.size();
            // the items the payment detail produces (非三保, debt service, 直达资金 paid) and the direct funds' arrivals
            List<FactValue> derived = spending.month(month, DerivedPaymentItems.monthSums(monthRows, classifier, marks));
            tx.executeWithoutResult(s -> storeMonth(month, rowsByRevision, sumsByRevision, derived));
            before = now;
        }
        log.info("演示支付明细已加载：{} 行，用时 {} 毫秒", rows, (System.nanoTime() - start) / 1_000_000);
        return rows;
    }

    /**
     * One month is one import with one audit entry (INTAKE_PAYMENT), like an uploaded payment file: on the revision of
     * the derived figures, or, when there are none, on the revision the rows are stored under. The rows' own store
     * writes no entry, so the revisions of the demo facts keep only their own.
     */
    private void storeMonth(Period month, Map<Long, List<PaymentRow>> rowsByRevision,
                            Map<Long, Map<String, Map<PaymentClass, BigDecimal>>> sumsByRevision, List<FactValue> derived) {
        List<String> stored = new ArrayList<>();
        rowsByRevision.forEach((revision, list) -> stored.add(payments.store(revision, month, list, sumsByRevision.get(revision),
                "演示支付明细 " + month.label() + "（生成）", DemoDataLoader.ACTOR)));
        String details = String.join("；", stored);
        if (!derived.isEmpty())
            facts.createRevision("PAYMENT", "演示支付明细 " + month.label() + " 生成的非三保、债务还本付息与直达资金数据（明细见修订 #"
                            + rowsByRevision.keySet().stream().map(String::valueOf).reduce((a, b) -> a + "、#" + b).orElse("") + "）",
                    DemoDataLoader.ACTOR, null, derived, "INTAKE_PAYMENT",
                    (details.isEmpty() ? "" : details + "；") + "生成的非三保、债务还本付息与直达资金数据 " + derived.size() + " 个数值");
        else if (!stored.isEmpty())
            audit.record(DemoDataLoader.ACTOR, "INTAKE_PAYMENT", "revision:" + rowsByRevision.keySet().iterator().next(), details);
    }

    /** unit → paid item → fact in force for the month. */
    private Map<String, Map<String, ResolvedFact>> paidFacts(Period month) {
        Map<String, Map<String, ResolvedFact>> out = new HashMap<>();
        for (ResolvedFact f : facts.current(List.of(month.code()), null))
            if (COUNTED_ITEMS.contains(f.itemCode())) out.computeIfAbsent(f.unitCode(), k -> new HashMap<>()).put(f.itemCode(), f);
        return out;
    }
}
