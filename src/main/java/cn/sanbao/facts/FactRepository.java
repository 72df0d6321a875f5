package cn.sanbao.facts;

import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores facts as append-only revisions and answers "what is the valid figure, as of revision N".
 * A revision is all-or-nothing: any bad value rejects the whole set, so an import never half-lands.
 */
@Service
public class FactRepository {

    private static final int MAX_INTEGER_DIGITS = 18; // numeric(20, 2)

    private final FactRevisionRepository repository;
    private final RegionTree regions;
    private final DataItemRepository items;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public FactRepository(FactRevisionRepository repository, RegionTree regions, DataItemRepository items,
                     ObjectProvider<Clock> clock, AuditLog audit, ApplicationEventPublisher events) {
        this.audit = audit;
        this.events = events;
        this.repository = repository;
        this.regions = regions;
        this.items = items;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /**
     * Stores the values as a new revision and returns its id. Amounts are kept with exactly two decimals;
     * any problem (unknown unit or item, consolidated unit, bad period, more than two decimals, duplicate
     * cell) throws {@link InvalidFactsException} and nothing is stored.
     */
    @Transactional
    public long createRevision(String source, String label, String createdBy, String contentHash,
                               Collection<FactValue> values) {
        return createRevision(source, label, createdBy, contentHash, values, null);
    }

    /**
     * As {@link #createRevision(String, String, String, String, Collection)}; {@code rescore} (may be null) is the
     * period whose monitoring the person asked to re-run, carried by {@link FactRevisionStored} to monitoring.
     */
    @Transactional
    public long createRevision(String source, String label, String createdBy, String contentHash,
                               Collection<FactValue> values, Period rescore) {
        requireText(source, "来源", 32);
        requireText(label, "说明", 300);
        requireText(createdBy, "操作人", 64);
        if (contentHash != null && contentHash.length() > 64) throw new IllegalArgumentException("内容摘要长度不能超过 64 个字符");
        List<FactValue> normalized = validate(values);
        long id = repository.insertRevision(source, label, createdBy, contentHash, normalized.size(),
                LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
        repository.insertFacts(id, normalized);
        audit.record(createdBy, "FACT_REVISION", "#" + id, source + "：" + label + "，" + normalized.size() + " 个数值");
        events.publishEvent(new FactRevisionStored(id, source, createdBy, rescore == null ? null : rescore.code()));
        return id;
    }

    public Optional<FactRevision> findByContentHash(String hash) { return repository.findByContentHash(hash); }

    public Optional<FactRevision> revision(long id) { return repository.findById(id); }

    /** All revisions, newest first. */
    public List<FactRevision> revisions() { return repository.findAll(); }

    /** Exactly what one revision stored, superseded or not. */
    public List<FactValue> valuesOf(long revisionId) { return repository.valuesOf(revisionId); }

    /** Id of the newest revision; 0 when nothing has been imported. */
    public long latestRevisionId() { return repository.latestRevisionId(); }

    /**
     * Valid figures of the given periods: per (unit, period, item) the value of the highest revision
     * not above {@code asOfRevision} (null = newest). Used to reproduce earlier scoring runs exactly.
     */
    public List<ResolvedFact> current(Collection<String> periods, Long asOfRevision) {
        if (periods.isEmpty()) return List.of();
        return repository.current(Set.copyOf(periods), asOfRevision == null ? Long.MAX_VALUE : asOfRevision);
    }

    /** {@link #current(Collection, Long)} limited to the given units. */
    public List<ResolvedFact> current(Collection<String> periods, Collection<String> units, Long asOfRevision) {
        if (periods.isEmpty()) return List.of();
        return repository.current(Set.copyOf(periods), Set.copyOf(units), asOfRevision == null ? Long.MAX_VALUE : asOfRevision);
    }

    private List<FactValue> validate(Collection<FactValue> values) {
        if (values == null || values.isEmpty()) throw new InvalidFactsException(List.of("没有可保存的数据"));
        List<String> problems = new ArrayList<>();
        List<FactValue> normalized = new ArrayList<>(values.size());
        Set<String> cells = new HashSet<>();
        for (FactValue v : values) {
            String where = "“" + v.unitCode() + " / " + v.period() + " / " + v.itemCode() + "”";
            Optional<FiscalUnit> unit = v.unitCode() == null ? Optional.empty() : regions.unit(v.unitCode());
            Optional<DataItem> item = v.itemCode() == null ? Optional.empty() : items.item(v.itemCode());
            Period period = parsePeriod(v.period());
            if (unit.isEmpty()) {
                problems.add(where + "：未知的财政单位代码“" + v.unitCode() + "”");
            } else if (unit.get().isConsolidated()) {
                problems.add(where + "：" + unit.get().name() + "是汇总单位，其数据由所属预算单位汇总得出，不能直接录入");
            }
            if (item.isEmpty()) problems.add(where + "：未知的数据项代码“" + v.itemCode() + "”");
            if (period == null) {
                problems.add(where + "：无法识别的期间“" + v.period() + "”");
            } else if (item.isPresent() && !item.get().frequency().accepts(period.type())) {
                problems.add(where + "：" + item.get().name() + "为" + item.get().frequency().label()
                        + "数据项，不能按期间“" + period.label() + "”报送");
            }
            BigDecimal amount = v.amount();
            if (amount == null) {
                problems.add(where + "：金额为空");
            } else if (amount.stripTrailingZeros().scale() > 2) {
                problems.add(where + "：金额 " + amount.toPlainString() + " 超过两位小数（金额以元为单位，精确到分）");
            } else if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
                problems.add(where + "：金额 " + amount.toPlainString() + " 超出允许范围");
            }
            String canonical = period == null ? v.period() : period.code();
            if (!cells.add(v.unitCode() + "|" + canonical + "|" + v.itemCode())) {
                problems.add(where + "：同一单位、期间、数据项在本次数据中重复出现");
            }
            if (problems.isEmpty()) {
                normalized.add(new FactValue(v.unitCode(), canonical, v.itemCode(), amount.setScale(2)));
            }
        }
        if (!problems.isEmpty()) throw new InvalidFactsException(problems);
        return normalized;
    }

    private static Period parsePeriod(String code) {
        try {
            return code == null ? null : Period.parse(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void requireText(String value, String what, int max) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(what + "不能为空");
        if (value.length() > max) throw new IllegalArgumentException(what + "长度不能超过 " + max + " 个字符");
    }
}
