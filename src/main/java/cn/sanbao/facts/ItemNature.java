package cn.sanbao.facts;

/** What a figure means in time; decides how it may be compared or summed across periods. */
public enum ItemNature {
    PLAN("年度计划数"),
    TO_DATE("累计数"),
    BALANCE("期末余额"),
    FLOW("本期发生额");

    private final String label;

    ItemNature(String label) { this.label = label; }

    public String label() { return label; }
}
