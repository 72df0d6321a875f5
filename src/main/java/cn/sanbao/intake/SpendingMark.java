package cn.sanbao.intake;

/**
 * A mark a payment carries besides its 三保 pillar, found from its subject codes (see {@link SpendingMarks}).
 * Each mark feeds one to-date data item, built from the payment detail like paid_* (上月累计 + 本月合计).
 */
public enum SpendingMark {
    DEBT_SERVICE("债务还本付息", "paid_debt_service"),
    DIRECT_FUND("直达资金", "direct_paid");

    private final String label;
    private final String itemCode;

    SpendingMark(String label, String itemCode) {
        this.label = label;
        this.itemCode = itemCode;
    }

    public String label() { return label; }

    public String itemCode() { return itemCode; }

    /** The to-date item of payments classified 非三保 (other, non-priority spending). */
    public static final String NON_PRIORITY_ITEM = "paid_non_priority";
}
