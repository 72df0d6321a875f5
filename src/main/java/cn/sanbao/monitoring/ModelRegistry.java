package cn.sanbao.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.ScoringEngine;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.engine.Models;
import cn.sanbao.engine.ModelProblem;
import cn.sanbao.engine.ModelValidationException;
import cn.sanbao.facts.DataItemRepository;

/**
 * Published model versions and their compiled engines. On first start the shipped default model is
 * published; which version applies to a period is decided by its effective-from period.
 */
@Service
public class ModelRegistry {

    /** Length of the reason and review_note columns (V1, V650). */
    static final int MAX_REASON = 500;

    private final ModelRepository repository;
    private final DataItemRepository items;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionOperations tx;
    private final Map<Long, ScoringEngine> engines = new ConcurrentHashMap<>();

    public ModelRegistry(ModelRepository repository, DataItemRepository items, AuditLog audit,
                         TransactionOperations tx, ObjectProvider<Clock> clock,
                         @Value("${sanbao.model.file}") Resource defaultModel) {
        this.repository = repository;
        this.items = items;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
        this.tx = tx;
        tx.executeWithoutResult(s -> {
            if (repository.count() == 0) publishInitial(defaultModel);
        });
    }

    private void publishInitial(Resource file) {
        String yaml;
        try (InputStream in = file.getInputStream()) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("无法读取默认模型文件 " + file.getDescription() + "：" + e.getMessage(), e);
        }
        ScoringModel model = parse(yaml, file.getFilename());
        repository.insertPublished(model.code(), model.version(), model.name(), model.effectiveFrom().code(), yaml,
                "首次启动时发布的默认模型", "system", LocalDateTime.now(clock));
        audit.record("system", "MODEL_PUBLISH", model.code() + " v" + model.version(), "首次启动发布默认模型");
    }

    /** Parses and validates a model, including that every input is a data item of the catalogue. */
    public ScoringModel parse(String yaml, String source) {
        ScoringModel model = Models.parse(yaml, source);
        List<ModelProblem> unknown = model.inputs().keySet().stream().filter(code -> !items.contains(code)).sorted()
                .map(code -> new ModelProblem(0, "inputs 中的“" + code + "”不是数据项目录中的数据项")).toList();
        if (!unknown.isEmpty()) throw new ModelValidationException(source, unknown);
        return model;
    }

    /** All versions, published and drafts, newest first within each model. */
    public List<ModelVersion> all() {
        return repository.findAll();
    }

    public ModelVersion version(long id) {
        return repository.findById(id).orElseThrow(() -> new NoSuchElementException("模型版本 " + id + " 不存在"));
    }

    /** The published version in force for a period: the latest effective-from not after the period. */
    public ModelVersion publishedFor(Period period) {
        return repository.published().stream()
                .filter(v -> !Period.parse(v.effectiveFrom()).startDate().isAfter(period.startDate()))
                .max(Comparator.comparing((ModelVersion v) -> Period.parse(v.effectiveFrom())).thenComparing(ModelVersion::id))
                .orElseThrow(() -> new NoSuchElementException(period.label() + "没有已生效的监测模型"));
    }

    /** A draft copy of a version, numbered after the newest version of the same model. */
    @Transactional
    public ModelVersion copyToDraft(long sourceId, String actor) {
        ModelVersion source = version(sourceId);
        int next = repository.maxVersion(source.code()) + 1;
        String yaml = ModelText.withVersion(source.sourceYaml(), next);
        long id = repository.insertDraft(source.code(), next, source.name(), source.effectiveFrom(), yaml,
                "复制自 " + source.label(), actor, LocalDateTime.now(clock));
        audit.record(actor, "MODEL_DRAFT", source.code() + " v" + next, "由 " + source.label() + " 复制为草稿");
        return version(id);
    }

    /** Saves an edited draft after validating it; invalid text throws with line-numbered problems and changes nothing. */
    @Transactional
    public ModelVersion saveDraft(long id, String yaml, String actor) {
        ModelVersion draft = requireDraft(id);
        ScoringModel model = parse(yaml, draft.code() + " 草稿 v" + draft.version());
        if (!model.code().equals(draft.code()))
            throw new IllegalArgumentException("草稿的模型代码必须保持为 " + draft.code() + "，不能改为 " + model.code());
        repository.updateDraft(id, model.name(), draft.effectiveFrom(), ModelText.withVersion(yaml, draft.version()));
        engines.remove(id);
        audit.record(actor, "MODEL_DRAFT", draft.code() + " v" + draft.version(), "保存草稿");
        return version(id);
    }

    /**
     * Submits a draft for publication from an effective period with a reason. It takes effect only when a
     * second person approves it (see {@link #approve}); until then it can be neither edited nor used.
     */
    @Transactional
    public ModelVersion submit(long id, Period effectiveFrom, String reason, String actor) {
        ModelVersion draft = requireDraft(id);
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("发布模型必须填写发布理由");
        if (reason.trim().length() > MAX_REASON) throw new IllegalArgumentException("发布理由不能超过 " + MAX_REASON + " 字（现为 " + reason.trim().length() + " 字）");
        if (effectiveFrom.type() != Period.Type.MONTH) throw new IllegalArgumentException("生效期间须为月份，如 2021-07");
        String yaml = ModelText.withEffectiveFrom(draft.sourceYaml(), effectiveFrom.code());
        parse(yaml, draft.code() + " v" + draft.version());
        if (repository.submit(id, effectiveFrom.code(), yaml, reason.trim(), actor, LocalDateTime.now(clock)) != 1)
            throw new IllegalArgumentException(draft.label() + " 已被他人提交，请刷新后重试");
        audit.record(actor, "MODEL_SUBMIT", draft.code() + " v" + draft.version(),
                "提交发布审核：自 " + effectiveFrom.label() + " 起生效；理由：" + reason.trim());
        return version(id);
    }

    /**
     * The second person's approval: the version is published and applies to periods from its effective
     * period when they are next run. Runs already stored keep their scores. A refusal is audited too, so it
     * is checked outside the transaction that would roll its audit entry back.
     */
    public ModelVersion approve(long id, String approver) {
        ModelVersion v = version(id);
        ModelApprovalPolicy.Decision d = ModelApprovalPolicy.mayApprove(v, approver);
        if (!d.allowed()) {
            audit.record(approver, "MODEL_APPROVE_DENIED", v.code() + " v" + v.version(), d.reason());
            throw new IllegalArgumentException(d.reason());
        }
        tx.executeWithoutResult(s -> {
            if (repository.approve(id, approver, LocalDateTime.now(clock)) != 1)
                throw new IllegalArgumentException(v.label() + " 已被他人审核，请刷新后查看");
            audit.record(approver, "MODEL_PUBLISH", v.code() + " v" + v.version(), "审核通过并发布（提交人 " + v.submittedBy()
                    + "）：自 " + Period.parse(v.effectiveFrom()).label() + " 起生效；理由：" + v.reason());
        });
        engines.remove(id);
        return version(id);
    }

    /** Returns a submitted version to draft with the reviewer's reason; the author may also withdraw it this way. */
    @Transactional
    public ModelVersion reject(long id, String reason, String actor) {
        ModelVersion v = version(id);
        if (!v.pending()) throw new IllegalArgumentException(v.label() + " 当前为" + v.statusLabel() + "，只有待审核的版本可以退回");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("退回发布申请必须填写理由");
        if (reason.trim().length() > MAX_REASON) throw new IllegalArgumentException("退回理由不能超过 " + MAX_REASON + " 字（现为 " + reason.trim().length() + " 字）");
        if (repository.reject(id, reason.trim()) != 1) throw new IllegalArgumentException(v.label() + " 已被他人审核，请刷新后查看");
        audit.record(actor, "MODEL_REJECT", v.code() + " v" + v.version(), "退回草稿：" + reason.trim());
        return version(id);
    }

    /** An engine for a draft, built fresh each time because drafts change. */
    public ScoringEngine draftEngine(ModelVersion draft) {
        return new ScoringEngine(parse(draft.sourceYaml(), draft.code() + " 草稿 v" + draft.version()));
    }

    private ModelVersion requireDraft(long id) {
        ModelVersion v = version(id);
        if (v.pending()) throw new IllegalArgumentException(v.label() + " 正在等待审核，不能修改；如需修改请先退回草稿");
        if (!ModelVersion.DRAFT.equals(v.status())) throw new IllegalArgumentException(v.label() + " 已发布，不能修改；请复制为新草稿");
        return v;
    }

    public ScoringEngine engine(ModelVersion version) {
        if (!ModelVersion.PUBLISHED.equals(version.status())) return draftEngine(version);
        return engines.computeIfAbsent(version.id(),
                id -> new ScoringEngine(parse(version.sourceYaml(), version.code() + " v" + version.version())));
    }
}
