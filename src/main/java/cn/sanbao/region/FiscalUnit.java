package cn.sanbao.region;

/**
 * A node of the region tree. {@code gb2260} tells whether the code is an official GB/T 2260 code
 * (市本级 and development zones get project-assigned codes).
 */
public record FiscalUnit(String code, String name, UnitKind kind, String parentCode, boolean gb2260, int sortOrder) {

    public boolean isConsolidated() { return kind.isConsolidated(); }

    public boolean isRoot() { return parentCode == null; }
}
