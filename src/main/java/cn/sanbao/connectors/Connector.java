package cn.sanbao.connectors;

import cn.sanbao.kernel.Period;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source database the platform pulls from on a cron schedule. The encrypted password stays in {@link ConnectorRepository}
 * and {@link ConnectorKeys}; this record never carries it, so no page or log can show it.
 */
public record Connector(long id, String name, String jdbcUrl, String username, String cron, PeriodRule periodRule,
                        boolean enabled, int maxRows, int timeoutSeconds, int alertAfter, int failures,
                        LocalDateTime retryAt, LocalDateTime lastRunAt, LocalDateTime createdAt) {

    /** Upper bounds an analyst may set: a connector must not be able to exhaust the server. */
    public static final int MAX_ROWS_LIMIT = 20_000_000;
    public static final int MAX_TIMEOUT_SECONDS = 3_600;

    public boolean alerting() { return failures >= alertAfter; }

    /** Which period a scheduled run extracts (a manual run names its own). */
    public enum PeriodRule {
        PREVIOUS_MONTH("上月"), CURRENT_MONTH("本月"), CURRENT_YEAR("本年度");

        private final String label;

        PeriodRule(String label) { this.label = label; }

        public String label() { return label; }

        public Period at(LocalDate day) {
            return switch (this) {
                case PREVIOUS_MONTH -> Period.month(day.getYear(), day.getMonthValue()).previous();
                case CURRENT_MONTH -> Period.month(day.getYear(), day.getMonthValue());
                case CURRENT_YEAR -> Period.year(day.getYear());
            };
        }
    }

    public enum Kind {
        ITEM("数据项"), PAYMENT("支付明细"), DAILY_CASH("库款日报");

        private final String label;

        Kind(String label) { this.label = label; }

        public String label() { return label; }

        /** Mapping targets (platform columns) a query of this kind must or may map. */
        public List<String> required() {
            return switch (this) {
                case ITEM -> List.of("unit", "value");
                case PAYMENT -> List.of("unit_code", "pay_date", "amount", "function_code", "economic_code");
                case DAILY_CASH -> List.of("unit", "day", "balance");
            };
        }

        public List<String> optional() {
            return switch (this) {
                case ITEM -> List.of("period", "item");
                case PAYMENT -> List.of("project_code", "agency", "watermark");
                case DAILY_CASH -> List.of();
            };
        }
    }

    /**
     * One SQL of a connector: per data item (kind ITEM; the item is fixed or read from a mapped column) or per payment
     * extract. columns maps platform target → source column name; watermark is the last payment date extracted.
     */
    public record Query(long id, long connectorId, String name, Kind kind, String itemCode, String sql,
                        Map<String, String> columns, String watermark) {

        public String columnText() {
            StringBuilder sb = new StringBuilder();
            columns.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            return sb.toString().strip();
        }

        /** "unit=dwdm" lines; blank lines and # comments ignored. Throws with a Chinese reason on a bad line. */
        public static Map<String, String> parseColumns(String text, Kind kind) {
            Map<String, String> m = new LinkedHashMap<>();
            int n = 0;
            for (String line : (text == null ? "" : text).split("\\R")) {
                n++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) continue;
                int eq = l.indexOf('=');
                if (eq <= 0 || eq == l.length() - 1)
                    throw new IllegalArgumentException("列映射第 " + n + " 行应为“平台列=源列”，如 unit=dwdm：" + l);
                String target = l.substring(0, eq).strip();
                String source = l.substring(eq + 1).strip();
                if (!kind.required().contains(target) && !kind.optional().contains(target))
                    throw new IllegalArgumentException("列映射第 " + n + " 行：未知的平台列“" + target + "”，" + kind.label()
                            + "查询可映射 " + String.join("、", kind.required()) + "（必填）"
                            + (kind.optional().isEmpty() ? "" : "及 " + String.join("、", kind.optional())));
                if (m.put(target, source) != null) throw new IllegalArgumentException("列映射中平台列“" + target + "”重复");
            }
            for (String r : kind.required())
                if (!m.containsKey(r)) throw new IllegalArgumentException("列映射缺少必填的平台列“" + r + "”");
            return m;
        }
    }
}
