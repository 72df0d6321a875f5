package cn.sanbao.region;

/** Kind of node in the region tree. Consolidated kinds own no data: their figures are sums of budget units. */
public enum UnitKind {
    REGION("省级汇总"),
    CITY("市级汇总"),
    CITY_LEVEL("市本级"),
    COUNTY("县（市、区）"),
    ZONE("功能区");

    private final String label;

    UnitKind(String label) { this.label = label; }

    public String label() { return label; }

    public boolean isConsolidated() { return this == REGION || this == CITY; }

    public boolean isBudgetUnit() { return !isConsolidated(); }
}
