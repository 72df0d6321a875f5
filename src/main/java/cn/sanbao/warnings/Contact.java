package cn.sanbao.warnings;

/**
 * A person told of warnings: role UNIT (a unit's finance bureau), LEADER (department leader) or ANALYST (the
 * department's monitoring analysts, told of daily cash warnings; the monthly publication does not use this role).
 */
public record Contact(long id, String unitCode, String role, String name, String title, String phone,
                      String wechatKey, String email, boolean active) {

    public static final String UNIT = "UNIT";
    public static final String LEADER = "LEADER";
    public static final String ANALYST = "ANALYST";

    /** The address for a channel, or null when this contact cannot be reached on it. */
    public String address(String channel) {
        String a = switch (channel) {
            case "SMS" -> phone;
            case "WECHAT" -> wechatKey;
            case "EMAIL" -> email;
            default -> null;
        };
        return a == null || a.isBlank() ? null : a;
    }
}
