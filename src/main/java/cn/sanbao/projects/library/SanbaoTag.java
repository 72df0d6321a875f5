package cn.sanbao.projects.library;

import cn.sanbao.kernel.Pillar;

/** 三保 tag of a project: the pillar it funds, or NONE (非三保). The constant names are stored with the project. */
public enum SanbaoTag {
    WAGE(Pillar.WAGE), OPERATION(Pillar.OPERATION), LIVELIHOOD(Pillar.LIVELIHOOD), NONE(null);

    private final Pillar pillar;

    SanbaoTag(Pillar pillar) {
        this.pillar = pillar;
    }

    public String label() { return pillar == null ? "非三保" : pillar.label(); }

    /** The pillar funded; null for 非三保. */
    public Pillar pillar() { return pillar; }

    public boolean isSanbao() { return pillar != null; }

    public static SanbaoTag of(Pillar p) {
        for (SanbaoTag t : values()) if (t.pillar == p) return t;
        throw new IllegalArgumentException(String.valueOf(p));
    }

    /** The tags as a person types them, e.g. "保工资/保运转/保基本民生/非三保" (for error messages). */
    public static String choices() {
        return java.util.Arrays.stream(values()).map(SanbaoTag::label).collect(java.util.stream.Collectors.joining("/"));
    }

    public static SanbaoTag parse(String text) {
        for (SanbaoTag t : values()) if (t.name().equalsIgnoreCase(text) || t.label().equals(text)) return t;
        return null;
    }
}
