package cn.sanbao.security;

import java.time.LocalDateTime;

/** A requested change to a privileged account, waiting for (or decided by) a second privileged role. */
public record PrivilegedRequest(long id, String action, String target, String newRole, String newScope, String passwordHash,
                                String requestedBy, String requesterRole, LocalDateTime requestedAt, String status,
                                String decidedBy, LocalDateTime decidedAt) {

    public static final String PENDING = "PENDING";

    public ThreeRolePolicy.Action actionCode() {
        return ThreeRolePolicy.Action.valueOf(action);
    }

    /** Chinese label of the action, e.g. 重置密码. */
    public String actionName() {
        return actionCode().label;
    }
}
