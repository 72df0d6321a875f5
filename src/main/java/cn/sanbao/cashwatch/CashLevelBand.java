package cn.sanbao.cashwatch;

/** Where a day's 库款保障水平 lies in the configured band ({@link cn.sanbao.kernel.CashBand}). */
public enum CashLevelBand {
    /** Below the floor (band low). */
    LOW("低于下限"),
    /** From the floor up to and including the upper bound. */
    NORMAL("正常"),
    /**
     * Above the upper bound: 三保 well covered. Not "idle cash": this level divides by the 三保 need, like the model's
     * 库款保障倍数, which gives full marks from 1.5 months (the runway's outflow-based level has its own 闲置 band).
     */
    AMPLE("充足"),
    /** No 三保 need for the year, so no level. */
    UNKNOWN("无法计算");

    private final String label;

    CashLevelBand(String label) { this.label = label; }

    /** The Chinese name shown to users. */
    public String label() { return label; }
}
