package cn.sanbao.projects.library;

import cn.sanbao.projects.list.Pillar;

/** 三保 tag of a project; NONE (非三保) funds no pillar. */
public enum SanbaoTag {
    WAGE("保工资", Pillar.WAGE), OPERATION("保运转", Pillar.OPERATION),
    LIVELIHOOD("保基本民生", Pillar.LIVELIHOOD), NONE("非三保", null);

    private final String label;
    private final Pillar pillar;

    SanbaoTag(String label, Pillar pillar) {
        this.label = label;
        this.pillar = pillar;
    }

    public String label() { return label; }

    /** The pillar funded; null for 非三保. */
    public Pillar pillar() { return pillar; }

    public boolean isSanbao() { return pillar != null; }

    public static SanbaoTag of(Pillar p) {
        for (SanbaoTag t : values()) if (t.pillar == p) return t;
        throw new IllegalArgumentException(String.valueOf(p));
    }

    public static SanbaoTag parse(String text) {
        for (SanbaoTag t : values()) if (t.name().equalsIgnoreCase(text) || t.label.equals(text)) return t;
        return null;
    }
}
