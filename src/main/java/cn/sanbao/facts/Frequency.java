package cn.sanbao.facts;

import cn.sanbao.kernel.Period;

/** How often an item is reported; decides which stored period a scoring period reads it from. */
public enum Frequency {
    ANNUAL("年报"),
    MONTHLY("月报"),
    MONTHLY_WEEKLY("月报及周报");

    private final String label;

    Frequency(String label) { this.label = label; }

    public String label() { return label; }

    /** Whether a value for an item of this frequency may be stored under a period of the given type. */
    public boolean accepts(Period.Type type) {
        return switch (this) {
            case ANNUAL -> type == Period.Type.YEAR;
            case MONTHLY -> type == Period.Type.MONTH;
            case MONTHLY_WEEKLY -> type == Period.Type.MONTH || type == Period.Type.WEEK;
        };
    }
}
