package cn.sanbao.cashwatch;

/** TEMPORARY copy of the contract type; dropped at the merge with cash-core. */
public enum CashLevelBand {
    LOW("低于下限"), NORMAL("正常"), IDLE("闲置"), UNKNOWN("无法计算");

    private final String label;

    CashLevelBand(String label) { this.label = label; }

    public String label() { return label; }
}
