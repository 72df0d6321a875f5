package cn.sanbao.security;

/** What unit scoping needs to know about the region tree (kept as an interface to avoid a module cycle). */
public interface UnitHierarchy {

    boolean contains(String code);

    /** True when {@code code} is {@code ancestorCode} itself or lies below it. */
    boolean isWithin(String code, String ancestorCode);

    /** True for a city (市级汇总: its 市本级 and counties), the scope of a 市级用户. */
    boolean isCity(String code);

    /** True for a unit that owns data (市本级, county, zone), the scope of a 县级用户. */
    boolean isBudgetUnit(String code);
}
