package cn.sanbao.warnings;

/** Escalation steps of a repeated warning, in increasing order of severity. */
public enum EscalationLevel {
    NOTICE("通报"), SUMMONS("约谈"), ACCOUNTABILITY("问责");

    private final String label;

    EscalationLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static String labelOf(String name) {
        return name == null ? "" : valueOf(name).label();
    }
}
