package cn.sanbao.cashwatch;

/** Where a day's 库款保障水平 lies in the configured band ({@link cn.sanbao.kernel.CashBand}). */
public enum CashLevelBand {
    /** Below the floor (band low). */
    LOW("低于下限"),
    /** From the floor up to and including the upper bound. */
    NORMAL("正常"),
    /** Above the upper bound: cash lying idle. */
    IDLE("闲置"),
    /** No 三保 need for the year, so no level. */
    UNKNOWN("无法计算");

    private final String label;

    CashLevelBand(String label) { this.label = label; }

    /** The Chinese name shown to users. */
    public String label() { return label; }
}
