package cn.sanbao.security;

/** Role names (Spring authorities without the ROLE_ prefix). The Chinese names are in the glossary. */
public final class Roles {

    /** 自治区分析员: all units, runs monitoring, edits models. */
    public static final String ANALYST = "ANALYST";
    /** 领导: read-only, all units. */
    public static final String LEADER = "LEADER";
    /** 市级用户 / 县级用户: only the units of its scope authority. */
    public static final String LOCAL = "LOCAL";

    /** Authority prefix naming the unit a local user may see (with its descendants). */
    public static final String SCOPE_PREFIX = "SCOPE_";

    private Roles() {
    }
}
