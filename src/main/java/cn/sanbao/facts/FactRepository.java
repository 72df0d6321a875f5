package cn.sanbao.facts;

import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stores facts as append-only revisions and answers "what is the valid figure, as of revision N".
 * A revision is all-or-nothing: any bad value rejects the whole set, so an import never half-lands.
 */
@Service
public class FactRepository {

    private final FactRevisionRepository repository;
    private final FactValidator validator;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public FactRepository(FactRevisionRepository repository, FactValidator validator,
                          ObjectProvider<Clock> clock, AuditLog audit, ApplicationEventPublisher events) {
        this.audit = audit;
        this.events = events;
        this.repository = repository;
        this.validator = validator;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /**
     * Checks the values with {@link FactValidator} and stores them as a new revision, audited as
     * FACT_REVISION. Any problem throws {@link InvalidFactsException} and nothing is stored.
     */
    @Transactional
    public long createRevision(String source, String label, String createdBy, String contentHash,
                               Collection<FactValue> values) {
        return createRevision(source, label, createdBy, contentHash, values, "FACT_REVISION",
                source + "：" + label + "，" + (values == null ? 0 : values.size()) + " 个数值");
    }

    /** {@link #createRevision(String, String, String, String, Collection)} audited with the caller's action and detail. */
    @Transactional
    public long createRevision(String source, String label, String createdBy, String contentHash,
                               Collection<FactValue> values, String auditAction, String auditDetail) {
        return createRevision(source, label, createdBy, contentHash, values, auditAction, auditDetail, null);
    }

    /**
     * As above; {@code rescore} (may be null) is the period whose monitoring the person asked to re-run, carried by
     * {@link FactRevisionStored} to monitoring.
     */
    @Transactional
    public long createRevision(String source, String label, String createdBy, String contentHash,
                               Collection<FactValue> values, String auditAction, String auditDetail, Period rescore) {
        return createRevision(source, label, createdBy, contentHash, validator.require(values), auditAction, auditDetail, rescore);
    }

    @Transactional
    public long createRevision(String source, String label, String createdBy, String contentHash, ValidFacts values,
                               String auditAction, String auditDetail) {
        return createRevision(source, label, createdBy, contentHash, values, auditAction, auditDetail, null);
    }

    /**
     * Stores checked values as a new revision with exactly one audit entry (action and detail chosen by the
     * caller, target "revision:id") and returns its id; publishes {@link FactRevisionStored} in the same
     * transaction (the event publication registry keeps it until monitoring has handled it).
     */
    @Transactional
    public long createRevision(String source, String label, String createdBy, String contentHash, ValidFacts values,
                               String auditAction, String auditDetail, Period rescore) {
        requireText(source, "来源", 32);
        requireText(label, "说明", 300);
        requireText(createdBy, "操作人", 64);
        if (contentHash != null && contentHash.length() > 64) throw new IllegalArgumentException("内容摘要长度不能超过 64 个字符");
        long id = repository.insertRevision(source, label, createdBy, contentHash, values.size(),
                LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
        repository.insertFacts(id, values.values());
        audit.record(createdBy, auditAction, "revision:" + id, auditDetail);
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

    private static void requireText(String value, String what, int max) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(what + "不能为空");
        if (value.length() > max) throw new IllegalArgumentException(what + "长度不能超过 " + max + " 个字符");
    }
}
