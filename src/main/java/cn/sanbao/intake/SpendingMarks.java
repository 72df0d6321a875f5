package cn.sanbao.intake;

import cn.sanbao.shared.CsvFile;
import cn.sanbao.shared.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which subject codes mark a payment as debt service or as 直达资金: a payment carries a mark when its function
 * (or economic) code starts with a listed prefix. Read once from {@code sanbao.intake.spending-marks}
 * (default: the shipped sample, 2021 subject codes, to be checked against local practice).
 */
@Service
public class SpendingMarks {

    public enum CodeKind { FUNCTION, ECONOMIC }

    public record Rule(SpendingMark mark, CodeKind kind, String prefix, String name) {
    }

    static final List<String> COLUMNS = List.of("mark", "code_kind", "prefix", "name");

    private final List<Rule> rules;

    public SpendingMarks(@Value("${sanbao.intake.spending-marks:classpath:intake/spending-marks.csv}") Resource file) {
        try (InputStream in = file.getInputStream()) {
            this.rules = parse(file.getFilename(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Rule> rules() { return rules; }

    /** Rules of one mark, for pages that name the codes. */
    public List<Rule> rules(SpendingMark mark) {
        return rules.stream().filter(r -> r.mark() == mark).toList();
    }

    /** A caching matcher for one import (not thread-safe, like {@link PillarClassifier}). */
    public Matcher matcher() { return new Matcher(rules); }

    static List<Rule> parse(String name, InputStream in) {
        CsvFile file = CsvFile.read(name, in, COLUMNS);
        List<Rule> out = new ArrayList<>();
        Problems problems = new Problems(name);
        for (CsvFile.Row row : file.rows()) {
            String prefix = row.get("prefix").trim();
            SpendingMark mark = parse(SpendingMark.class, row.get("mark"));
            CodeKind kind = parse(CodeKind.class, row.get("code_kind"));
            if (!prefix.matches("\\d{1,12}")) problems.add(row.line(), "prefix", "科目前缀应为 1–12 位数字，实际为“" + prefix + "”");
            else if (mark == null) problems.add(row.line(), "mark", "标记应为 DEBT_SERVICE 或 DIRECT_FUND");
            else if (kind == null) problems.add(row.line(), "code_kind", "科目类型应为 FUNCTION 或 ECONOMIC");
            else out.add(new Rule(mark, kind, prefix, row.get("name")));
        }
        problems.throwIfAny();
        return out;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Answers per (function, economic) pair, cached: files repeat a few hundred pairs millions of times. */
    public static final class Matcher {
        private static final Set<SpendingMark> NONE = EnumSet.noneOf(SpendingMark.class);
        private final List<Rule> rules;
        private final Map<String, Map<String, Set<SpendingMark>>> cache = new HashMap<>();

        Matcher(List<Rule> rules) {
            this.rules = rules;
        }

        public Set<SpendingMark> marks(String functionCode, String economicCode) {
            return cache.computeIfAbsent(functionCode, k -> new HashMap<>()).computeIfAbsent(economicCode, e -> {
                Set<SpendingMark> found = EnumSet.noneOf(SpendingMark.class);
                for (Rule r : rules)
                    if ((r.kind() == CodeKind.FUNCTION ? functionCode : e).startsWith(r.prefix())) found.add(r.mark());
                return found.isEmpty() ? NONE : found;
            });
        }

        public boolean has(SpendingMark mark, String functionCode, String economicCode) {
            return marks(functionCode, economicCode).contains(mark);
        }
    }
}
