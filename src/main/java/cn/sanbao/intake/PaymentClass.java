package cn.sanbao.intake;

import cn.sanbao.kernel.Pillar;

/**
 * Where a payment counts: one of the counted pillars (the 三保 and other rigid spending), explicitly not 三保, or no
 * rule matched. The constant names are stored in the mapping and payment tables.
 */
public enum PaymentClass {
    WAGE(Pillar.WAGE),
    OPERATION(Pillar.OPERATION),
    LIVELIHOOD(Pillar.LIVELIHOOD),
    OTHER_RIGID(Pillar.OTHER_RIGID),
    NONE("非三保"),
    UNCLASSIFIED("未分类");

    private final Pillar pillar;
    private final String label;

    PaymentClass(Pillar pillar) {
        this.pillar = pillar;
        this.label = pillar.label();
    }

    PaymentClass(String label) {
        this.pillar = null;
        this.label = label;
    }

    public String label() { return label; }

    /** The pillar the payments count in; null for NONE and UNCLASSIFIED. */
    public Pillar pillar() { return pillar; }

    /** The to-date data item the pillar's payments feed; null for NONE and UNCLASSIFIED. */
    public String itemCode() { return pillar == null ? null : pillar.paidItem(); }

    /** The classes that count in a pillar, in the order of {@link Pillar#COUNTED}. */
    public static final PaymentClass[] COUNTED = {WAGE, OPERATION, LIVELIHOOD, OTHER_RIGID};
}
