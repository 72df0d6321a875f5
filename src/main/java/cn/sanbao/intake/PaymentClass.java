package cn.sanbao.intake;

/** Where a payment counts: one of the 三保 pillars, other rigid spending, explicitly not 三保, or no rule matched. */
public enum PaymentClass {
    WAGE("保工资", "paid_wage"),
    OPERATION("保运转", "paid_operation"),
    LIVELIHOOD("保基本民生", "paid_livelihood"),
    OTHER_RIGID("其他刚性支出", "paid_other_rigid"),
    NONE("非三保", null),
    UNCLASSIFIED("未分类", null);

    private final String label;
    private final String itemCode;

    PaymentClass(String label, String itemCode) {
        this.label = label;
        this.itemCode = itemCode;
    }

    public String label() { return label; }

    /** The to-date data item the pillar's payments feed; null for NONE and UNCLASSIFIED. */
    public String itemCode() { return itemCode; }

    public static final PaymentClass[] COUNTED = {WAGE, OPERATION, LIVELIHOOD, OTHER_RIGID};
}
