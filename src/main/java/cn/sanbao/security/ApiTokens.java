package cn.sanbao.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import cn.sanbao.audit.AuditLog;

/**
 * API tokens (table api_token) for machine clients. A token is 32 random bytes, shown once; the table keeps only
 * its SHA-256, which is enough for a high-entropy secret and costs microseconds where bcrypt costs ~100 ms.
 * Every request looks the hash up, so a revocation or expiry takes effect on the next request.
 */
@Service
public class ApiTokens {

    /** Business roles only: the administrator roles have no API to call. */
    static final Set<String> ROLES = Set.of(Roles.ANALYST, Roles.LEADER, Roles.LOCAL_CITY, Roles.LOCAL_COUNTY);
    static final String PREFIX = "sbt_";
    /** last_used_at is written at most this often per token, so a busy client does not write on every call. */
    static final long LAST_USED_GRANULARITY_SECONDS = 60;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token just issued: the only moment its secret exists outside the client. */
    public record Issued(ApiToken token, String secret) {
    }

    private final ApiTokenRepository tokens;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, AccountService accounts, AuditLog audit, ObjectProvider<Clock> clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    public List<ApiToken> all() {
        return tokens.all();
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** Issues a token for a role choice (key of {@link Roles#NAMES}); 市级/县级 tokens need their unit. */
    @Transactional
    public Issued issue(String actor, String name, String role, String scopeUnit, LocalDate expires) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty()) throw new IllegalArgumentException("请填写令牌名称（用途，如“西吉县报送系统”）");
        if (label.length() > 100) throw new IllegalArgumentException("令牌名称不能超过 100 个字");
        if (role == null || !ROLES.contains(role))
            throw new IllegalArgumentException("令牌角色应为自治区分析员、领导、市级用户或县级用户");
        String scope = accounts.validRole(role, scopeUnit).scope();
        LocalDateTime now = now();
        LocalDateTime expiresAt = expires == null ? null : expires.plusDays(1).atStartOfDay();
        if (expiresAt != null && !expiresAt.isAfter(now)) throw new IllegalArgumentException("有效期须晚于今天");
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        tokens.insert(label, hash(secret), Roles.stored(role), scope, expiresAt, actor, now);
        ApiToken token = find(tokens.idOf(hash(secret)));
        audit.record(actor, "API_TOKEN_ISSUE", token.principal(), "“" + label + "”，角色：" + Roles.name(role)
                + (scope == null ? "" : "（" + scope + "）") + (expires == null ? "，长期有效" : "，有效至 " + expires));
        return new Issued(token, secret);
    }

    @Transactional
    public void revoke(String actor, long id) {
        ApiToken token = find(id);
        if (token.revoked()) throw new IllegalArgumentException("令牌 #" + id + " 已于 " + token.revokedAt().toLocalDate() + " 吊销");
        tokens.revoke(id, actor, now());
        audit.record(actor, "API_TOKEN_REVOKE", token.principal(), "“" + token.name() + "”");
    }

    public ApiToken find(long id) {
        return tokens.find(id)
                .orElseThrow(() -> new NoSuchElementException("没有编号为 " + id + " 的接口令牌"));
    }

    /**
     * The authentication a presented secret stands for, or empty (audited with the reason) when it is unknown,
     * revoked or expired. The reason is recorded, never told to the caller.
     */
    public Optional<Authentication> authenticate(String secret, String remoteAddr) {
        String h = hash(secret);
        Optional<ApiToken> found = tokens.findByHash(h);
        LocalDateTime now = now();
        String reason = found.isEmpty() ? "未知令牌" : found.get().revoked() ? "令牌已吊销"
                : found.get().expiredAt(now) ? "令牌已过期" : null;
        if (reason != null) {
            String who = found.map(ApiToken::principal).orElse("anonymous");
            audit.record(who, "API_TOKEN_REJECTED", found.map(ApiToken::principal).orElse(h.substring(0, 12)), reason, remoteAddr);
            return Optional.empty();
        }
        ApiToken t = found.get();
        if (t.lastUsedAt() == null || t.lastUsedAt().plusSeconds(LAST_USED_GRANULARITY_SECONDS).isBefore(now))
            tokens.touch(t.id(), now);
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + t.role()));
        if (Roles.LOCAL.equals(t.role()) && t.scopeUnit() != null)
            authorities.add(new SimpleGrantedAuthority(Roles.SCOPE_PREFIX + t.scopeUnit()));
        return Optional.of(UsernamePasswordAuthenticationToken.authenticated(t.principal(), null, authorities));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
