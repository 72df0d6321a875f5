package cn.sanbao.security;

import java.time.LocalDateTime;

/** A stored sign-in account. {@code role} is null until the security administrator assigns one. */
public record UserAccount(String username, String displayName, String passwordHash, String role, String scopeUnit,
                          boolean enabled, boolean mustChange, int failedCount, LocalDateTime lockedUntil,
                          LocalDateTime passwordChangedAt, String createdBy, LocalDateTime createdAt) {

    public boolean lockedAt(LocalDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public String roleName() {
        return Roles.name(role);
    }
}
