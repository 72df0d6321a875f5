package cn.sanbao.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import cn.sanbao.engine.ModelVersions;
import cn.sanbao.engine.Models;

/**
 * The default model's benchmark variant, using the model format's later features: two versions in one file
 * (cut-offs change in July), overrides that read earlier periods (avg over three years, prev) and YEAR/MONTH.
 */
final class BenchmarkModel {

    static final String EXTRA_OVERRIDES = """
              - code: CASH_TREND
                name: 库款低于近三年同月平均的一半
                when: "cash_balance < avg(cash_balance, 3Y) * 0.5 && YEAR >= 2021"
                action: floor
                grade: MEDIUM
              - code: ARREARS_GROWING
                name: 工资拖欠比上月增加
                when: "MONTH > 1 && wage_arrears > prev(wage_arrears, 1)"
                action: floor
                grade: LOW
            """;

    private BenchmarkModel() {
    }

    static ModelVersions variant() {
        String base;
        try (InputStream in = BenchmarkModel.class.getResourceAsStream("/models/sanbao-default.yaml")) {
            base = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String v1 = base.stripTrailing() + "\n" + EXTRA_OVERRIDES;
        String v2 = v1.replaceFirst("(?m)^version: \\d+", "version: 99").replaceFirst("(?m)^effectiveFrom: .*", "effectiveFrom: 2021-07")
                .replace("when: CASH_COVERAGE < 0.3", "when: CASH_COVERAGE < 0.35");
        return Models.parseVersions(v1 + "\n---\n" + v2, "sanbao-default（基准变体）");
    }

    /** The earlier values the variant reads, derived from the unit's own figures (the engine sees them as inputs). */
    static Map<String, BigDecimal> withEarlier(Map<String, BigDecimal> values) {
        Map<String, BigDecimal> out = new HashMap<>(values);
        BigDecimal cash = values.get("cash_balance");
        if (cash != null) {
            out.put("cash_balance__Y1", cash.multiply(new BigDecimal("1.05")));
            out.put("cash_balance__Y2", cash.multiply(new BigDecimal("0.95")));
        }
        BigDecimal arrears = values.get("wage_arrears");
        if (arrears != null) out.put("wage_arrears__P1", arrears);
        return out;
    }
}
