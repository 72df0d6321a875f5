package cn.sanbao.reports;

/** The three reports of SPEC §3.7. A unit report names its unit; the other two cover the whole region. */
public enum ReportKind {
    PROVINCE_MONTHLY("全区月报", false),
    UNIT_MONTHLY("单位月报", true),
    WEEKLY("全区周报", false);

    private final String label;
    private final boolean perUnit;

    ReportKind(String label, boolean perUnit) {
        this.label = label;
        this.perUnit = perUnit;
    }

    public String label() {
        return label;
    }

    public boolean perUnit() {
        return perUnit;
    }
}
