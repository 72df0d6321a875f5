package cn.sanbao.kernel;

import java.util.List;

/**
 * A spending pillar and the data items that carry it (SPEC §3.5): the annual budget {@code budget_*}, the amount
 * paid to date {@code paid_*} and, for the three 三保 pillars, the annual demand {@code demand_*}. The constant
 * names are stored in database columns and files, so they never change.
 */
public enum Pillar {
    WAGE("保工资", "wage"),
    OPERATION("保运转", "operation"),
    LIVELIHOOD("保基本民生", "livelihood"),
    /** 其他刚性支出: counted in payment classification and execution tables, but not one of the 三保. */
    OTHER_RIGID("其他刚性支出", "other_rigid");

    /** The three 三保 pillars, summed in every headline figure. */
    public static final List<Pillar> SANBAO = List.of(WAGE, OPERATION, LIVELIHOOD);

    /** The pillars a classified payment can count in (the 三保 and other rigid spending). */
    public static final List<Pillar> COUNTED = List.of(WAGE, OPERATION, LIVELIHOOD, OTHER_RIGID);

    private final String label;
    private final String itemSuffix;

    Pillar(String label, String itemSuffix) {
        this.label = label;
        this.itemSuffix = itemSuffix;
    }

    /** The Chinese name shown to users, e.g. 保基本民生. */
    public String label() { return label; }

    public boolean isSanbao() { return this != OTHER_RIGID; }

    /** The annual budget item, e.g. budget_wage. */
    public String budgetItem() { return "budget_" + itemSuffix; }

    /** The paid-to-date item, e.g. paid_wage. */
    public String paidItem() { return "paid_" + itemSuffix; }

    /** The annual demand item the monitoring model reads, e.g. demand_wage; null for 其他刚性支出 (no demand item). */
    public String demandItem() { return isSanbao() ? "demand_" + itemSuffix : null; }

    /** The data items of one kind over some pillars, in their order. */
    public static List<String> paidItems(List<Pillar> pillars) { return pillars.stream().map(Pillar::paidItem).toList(); }

    public static List<String> budgetItems(List<Pillar> pillars) { return pillars.stream().map(Pillar::budgetItem).toList(); }

    public static List<String> demandItems(List<Pillar> pillars) { return pillars.stream().map(Pillar::demandItem).toList(); }

    /** Accepts the constant name (any case) or the Chinese label; null when neither. */
    public static Pillar parse(String text) {
        for (Pillar p : values()) if (p.name().equalsIgnoreCase(text) || p.label.equals(text)) return p;
        return null;
    }

    /** As {@link #parse}, but only one of the three 三保 pillars; null otherwise. */
    public static Pillar parseSanbao(String text) {
        Pillar p = parse(text);
        return p != null && p.isSanbao() ? p : null;
    }
}
