package cn.sanbao.projects.list;

/** The three 三保 pillars; each maps to the annual demand item the monitoring model reads. */
public enum Pillar {
    WAGE("保工资", "demand_wage"),
    OPERATION("保运转", "demand_operation"),
    LIVELIHOOD("保基本民生", "demand_livelihood");

    private final String label;
    private final String demandItem;

    Pillar(String label, String demandItem) {
        this.label = label;
        this.demandItem = demandItem;
    }

    public String label() { return label; }

    public String demandItem() { return demandItem; }

    /** Accepts the constant name or the Chinese label; null when neither. */
    public static Pillar parse(String text) {
        for (Pillar p : values()) if (p.name().equalsIgnoreCase(text) || p.label.equals(text)) return p;
        return null;
    }
}
