package cn.sanbao.security;

/** What unit scoping needs to know about the region tree (kept as an interface to avoid a module cycle). */
public interface UnitHierarchy {

    boolean contains(String code);

    /** True when {@code code} is {@code ancestorCode} itself or lies below it. */
    boolean isWithin(String code, String ancestorCode);
}
