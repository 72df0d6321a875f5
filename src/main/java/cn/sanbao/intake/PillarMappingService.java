package cn.sanbao.intake;

import cn.sanbao.audit.AuditLog;
import cn.sanbao.shared.CsvFile;
import cn.sanbao.shared.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 三保科目配置 in versions: every edit stores a complete new version (audited); imports record the version
 * they classified with. An empty table is seeded from the shipped sample file.
 */
@Service
public class PillarMappingService {

    public record Version(long id, int version, String note, String createdBy, LocalDateTime createdAt) {
    }

    static final List<String> COLUMNS = List.of("code_kind", "prefix", "pillar", "priority", "name");

    private final PillarMappingRepository mappings;
    private final TransactionOperations tx;
    private final AuditLog audit;
    private final Resource sample;
    private final Clock clock;

    public PillarMappingService(PillarMappingRepository mappings, TransactionOperations tx, AuditLog audit,
                                @Value("${sanbao.intake.pillar-mapping:classpath:intake/pillar-mapping-sample.csv}") Resource sample,
                                ObjectProvider<Clock> clock) {
        this.mappings = mappings;
        this.tx = tx;
        this.audit = audit;
        this.sample = sample;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** The newest version (seeding the sample on first use). */
    public synchronized Version current() {
        return versions().stream().findFirst().orElseGet(() -> {
            try (InputStream in = sample.getInputStream()) {
                return save(parse(sample.getFilename(), in), "系统预置的示例配置（样例，须按本地口径核对修改）", "system");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Newest first. */
    public List<Version> versions() { return mappings.versions(); }

    public List<MappingRule> rules(long versionId) { return mappings.rules(versionId); }

    /** Replaces the mapping by a new version given as CSV text (same columns as the sample file). */
    public Version saveCsv(String csv, String note, String user) {
        List<MappingRule> rules = parse("三保科目配置", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        return save(rules, note == null || note.isBlank() ? "修改三保科目配置" : note, user);
    }

    public String csv(long versionId) {
        return cn.sanbao.shared.CsvWriter.text(COLUMNS, rules(versionId).stream()
                .map(r -> java.util.Arrays.<Object>asList(r.kind(), r.prefix(), r.pillar(), r.priority(), r.name())).toList());
    }

    private Version save(List<MappingRule> rules, String note, String user) {
        long id = tx.execute(status -> {
            int next = mappings.nextVersion();
            long vid = mappings.insert(next, FileImportService.cut(note, 300), user, LocalDateTime.now(clock), rules);
            audit.record(user, "PILLAR_MAPPING_EDIT", "pillar-mapping:v" + next, note + "，共 " + rules.size() + " 条规则");
            return vid;
        });
        return versions().stream().filter(v -> v.id() == id).findFirst().orElseThrow();
    }

    /** Reads and checks a mapping in the sample file's columns; every problem is reported at once. */
    public static List<MappingRule> parse(String name, InputStream in) {
        CsvFile file = CsvFile.read(name, in, COLUMNS);
        Problems problems = new Problems(name);
        List<MappingRule> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvFile.Row row : file.rows()) {
            MappingRule.CodeKind kind = problems.enumValue(row, "code_kind", MappingRule.CodeKind.class, "代码类型（ECONOMIC 经济分类 / FUNCTION 支出功能分类）");
            String prefix = problems.required(row, "prefix", 32);
            if (!prefix.isEmpty() && !prefix.matches("\\d+")) problems.add(row.line(), "prefix", "代码前缀应为数字：“" + prefix + "”");
            PaymentClass pillar = problems.enumValue(row, "pillar", PaymentClass.class, "类别（WAGE/OPERATION/LIVELIHOOD/OTHER_RIGID/NONE）");
            if (pillar == PaymentClass.UNCLASSIFIED) problems.add(row.line(), "pillar", "UNCLASSIFIED 表示未匹配，不能作为规则类别");
            Integer priority = null;
            try {
                priority = Integer.parseInt(row.get("priority"));
            } catch (NumberFormatException e) {
                problems.add(row.line(), "priority", "优先级应为整数：“" + row.get("priority") + "”");
            }
            String ruleName = problems.optional(row, "name", 200);
            if (kind != null && !seen.add(kind + "|" + prefix)) problems.add(row.line(), "prefix", "同一代码类型的前缀重复：" + prefix);
            if (kind != null && pillar != null && priority != null && prefix.matches("\\d+") && ruleName.length() <= 200) {
                rules.add(new MappingRule(kind, prefix, pillar, priority, ruleName.isEmpty() ? null : ruleName));
            }
        }
        if (rules.isEmpty() && problems.isEmpty()) problems.add(0, null, "没有任何规则");
        problems.throwIfAny();
        return rules;
    }
}
