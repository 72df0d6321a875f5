package cn.sanbao.security;

import java.util.LinkedHashMap;
import java.util.Map;

/** Role names (Spring authorities without the ROLE_ prefix). The Chinese names are in the glossary. */
public final class Roles {

    /** 系统管理员: manages user accounts only (three-role separation). */
    public static final String SYSTEM_ADMIN = "SYSTEM_ADMIN";
    /** 安全管理员: assigns roles and unit scopes only. */
    public static final String SECURITY_ADMIN = "SECURITY_ADMIN";
    /** 审计管理员: reads and exports the audit trail only. */
    public static final String AUDITOR = "AUDITOR";
    /** 自治区分析员: all units, runs monitoring, edits models. */
    public static final String ANALYST = "ANALYST";
    /** 领导: read-only, all units. */
    public static final String LEADER = "LEADER";
    /** 市级用户 / 县级用户: only the units of its scope authority. */
    public static final String LOCAL = "LOCAL";

    /** Authority prefix naming the unit a local user may see (with its descendants). */
    public static final String SCOPE_PREFIX = "SCOPE_";
    /** Authority of a user who must change the password before doing anything else. */
    public static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    /** Chinese names in display order. LOCAL is shown as 市级用户 or 县级用户 depending on its scope. */
    public static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(SYSTEM_ADMIN, "系统管理员");
        NAMES.put(SECURITY_ADMIN, "安全管理员");
        NAMES.put(AUDITOR, "审计管理员");
        NAMES.put(ANALYST, "自治区分析员");
        NAMES.put(LOCAL, "市县用户");
        NAMES.put(LEADER, "领导");
    }

    public static String name(String role) {
        return role == null ? "未分配" : NAMES.getOrDefault(role, role);
    }

    private Roles() {
    }
}
