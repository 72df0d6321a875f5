package cn.sanbao.warnings;

/** A warning case's life: 已预警 → 已反馈整改方案 → 整改中 → 已销号. */
public enum CaseStatus {
    WARNED("已预警"), PLAN_SUBMITTED("已反馈整改方案"), RECTIFYING("整改中"), CLOSED("已销号");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
