package cn.sanbao.security;

import java.time.LocalDateTime;

/** An issued API token as stored (the secret itself is never stored, only its SHA-256). */
public record ApiToken(long id, String name, String role, String scopeUnit, LocalDateTime expiresAt, String createdBy,
                       LocalDateTime createdAt, String revokedBy, LocalDateTime revokedAt, LocalDateTime lastUsedAt) {

    /** The name requests made with this token carry, e.g. in the audit log and as the creator of imports. */
    public String principal() {
        return "api-token-" + id;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expiredAt(LocalDateTime now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    /** REVOKED, EXPIRED or ACTIVE: the key of its Chinese label (console.tokens.status.*). */
    public String statusAt(LocalDateTime now) {
        return revoked() ? "REVOKED" : expiredAt(now) ? "EXPIRED" : "ACTIVE";
    }
}
