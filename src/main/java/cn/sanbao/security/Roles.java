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
    /**
     * 市级用户: LOCAL with a city (consolidated) scope, sees the city and its counties. Not a separate authority:
     * it is how the role is chosen, validated and labelled, so every LOCAL check keeps working.
     */
    public static final String LOCAL_CITY = "LOCAL_CITY";
    /** 运维监控员: reads health details and metrics (/actuator), no business data (docs/operations.md). */
    public static final String OPERATIONS = "OPERATIONS";
    /** 县级用户: LOCAL with a county, 市本级 or zone scope, sees that unit only. */
    public static final String LOCAL_COUNTY = "LOCAL_COUNTY";

    /** Authority prefix naming the unit a local user may see (with its descendants). */
    public static final String SCOPE_PREFIX = "SCOPE_";
    /** Authority of a user who must change the password before doing anything else. */
    public static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    /**
     * The roles a security administrator chooses from, with their Chinese names, in display order.
     * LOCAL appears as its two choices 市级用户 and 县级用户 (see {@link #choice}).
     */
    public static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(SYSTEM_ADMIN, "系统管理员");
        NAMES.put(SECURITY_ADMIN, "安全管理员");
        NAMES.put(AUDITOR, "审计管理员");
        NAMES.put(ANALYST, "自治区分析员");
        NAMES.put(LOCAL_CITY, "市级用户");
        NAMES.put(LOCAL_COUNTY, "县级用户");
        NAMES.put(LEADER, "领导");
        NAMES.put(OPERATIONS, "运维监控员");
    }

    /** Name of a stored role; LOCAL without knowing its scope is 市县用户. */
    public static String name(String role) {
        if (LOCAL.equals(role)) return "市县用户";
        return role == null ? "未分配" : NAMES.getOrDefault(role, role);
    }

    /** The choice (key of {@link #NAMES}) a stored role and scope stand for: LOCAL becomes LOCAL_CITY or LOCAL_COUNTY. */
    public static String choice(String role, boolean scopeIsCity) {
        if (!LOCAL.equals(role)) return role;
        return scopeIsCity ? LOCAL_CITY : LOCAL_COUNTY;
    }

    /** The stored role of a choice: both local choices are LOCAL. */
    public static String stored(String choice) {
        return LOCAL_CITY.equals(choice) || LOCAL_COUNTY.equals(choice) ? LOCAL : choice;
    }

    private Roles() {
    }
}
