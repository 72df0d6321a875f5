package cn.sanbao.projects.library;

/** Project lifecycle; a project moves one step forward at a time, or 审核 sends it back to 申报. */
public enum ProjectState {
    RESERVE("储备"), DECLARED("申报"), REVIEWED("审核"), APPROVED("批复"), EXECUTING("执行"), CLOSED("结项");

    private final String label;

    ProjectState(String label) { this.label = label; }

    public String label() { return label; }

    /** The defined moves: the next state, plus 审核 → 申报 (returned for correction). */
    public boolean canMoveTo(ProjectState to) {
        return to.ordinal() == ordinal() + 1 || (this == REVIEWED && to == DECLARED);
    }

    public static ProjectState parse(String text) {
        for (ProjectState s : values()) if (s.name().equalsIgnoreCase(text) || s.label.equals(text)) return s;
        return null;
    }
}
