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
import org.springframework.transaction.support.TransactionOperations;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.engine.Period;
import cn.sanbao.engine.ScoringEngine;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.engine.load.ModelLoader;
import cn.sanbao.engine.load.ModelProblem;
import cn.sanbao.engine.load.ModelValidationException;
import cn.sanbao.facts.DataItemCatalogue;

/**
 * Published model versions and their compiled engines. On first start the shipped default model is
 * published; which version applies to a period is decided by its effective-from period.
 */
@Service
public class ModelRegistry {

    private final ModelRepository repository;
    private final DataItemCatalogue items;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<Long, ScoringEngine> engines = new ConcurrentHashMap<>();

    public ModelRegistry(ModelRepository repository, DataItemCatalogue items, AuditLog audit,
                         TransactionOperations tx, ObjectProvider<Clock> clock,
                         @Value("${sanbao.model.file}") Resource defaultModel) {
        this.repository = repository;
        this.items = items;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
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
        ScoringModel model = ModelLoader.parse(yaml, source);
        List<ModelProblem> unknown = model.inputs().keySet().stream().filter(code -> !items.contains(code)).sorted()
                .map(code -> new ModelProblem(0, "inputs 中的“" + code + "”不是数据项目录中的数据项")).toList();
        if (!unknown.isEmpty()) throw new ModelValidationException(source, unknown);
        return model;
    }

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

    public ScoringEngine engine(ModelVersion version) {
        return engines.computeIfAbsent(version.id(),
                id -> new ScoringEngine(parse(version.sourceYaml(), version.code() + " v" + version.version())));
    }
}
