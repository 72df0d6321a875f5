package cn.sanbao.intake;

/**
 * One line of the 三保科目配置: payments whose economic (经济分类) or functional (支出功能分类) code starts
 * with the prefix count in the pillar. Precedence: higher priority wins; at equal priority the longer
 * prefix; at equal length the economic-code rule.
 */
public record MappingRule(CodeKind kind, String prefix, PaymentClass pillar, int priority, String name) {

    public enum CodeKind {
        ECONOMIC("经济分类"), FUNCTION("支出功能分类");

        private final String label;

        CodeKind(String label) { this.label = label; }

        public String label() { return label; }
    }

    boolean beats(MappingRule other) {
        if (other == null) return true;
        if (priority != other.priority) return priority > other.priority;
        if (prefix.length() != other.prefix.length()) return prefix.length() > other.prefix.length();
        return kind == CodeKind.ECONOMIC && other.kind == CodeKind.FUNCTION;
    }
}
