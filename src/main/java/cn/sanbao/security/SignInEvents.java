package cn.sanbao.security;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import cn.sanbao.audit.AuditLog;

/**
 * Audits sign-in, failed sign-in and sign-out, and locks an account for 15 minutes after 5 failed attempts in
 * a row (each attempt was counted before its password check by {@link GuardedAuthenticationProvider}). Refusals
 * go through {@link FailedSignInAudit}, which merges repeats. API calls with HTTP Basic sign in on every request;
 * only their failures are audited.
 */
@Component
class SignInEvents {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK_TIME = Duration.ofMinutes(15);

    private final UserRepository users;
    private final AuditLog audit;
    private final FailedSignInAudit failures;
    private final Clock clock;

    SignInEvents(UserRepository users, AuditLog audit, FailedSignInAudit failures, ObjectProvider<Clock> clock) {
        this.users = users;
        this.audit = audit;
        this.failures = failures;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    @EventListener
    void interactive(InteractiveAuthenticationSuccessEvent e) {
        audit.record(e.getAuthentication().getName(), "LOGIN", e.getAuthentication().getName(), "登录成功", from(e.getAuthentication()));
    }

    @EventListener
    void badCredentials(AuthenticationFailureBadCredentialsEvent e) {
        String name = name(e);
        int count = users.failures(name);
        failures.record("LOGIN_FAILED", name, "用户名或密码错误" + (count > 0 ? "（连续第 " + count + " 次）" : ""), from(e.getAuthentication()));
        if (count >= MAX_FAILURES && users.lockIfReached(name, MAX_FAILURES, LocalDateTime.now(clock).plus(LOCK_TIME)))
            audit.record(name, "ACCOUNT_LOCKED", name, "连续 " + MAX_FAILURES + " 次登录失败，锁定 " + LOCK_TIME.toMinutes() + " 分钟", from(e.getAuthentication()));
    }

    @EventListener
    void locked(AuthenticationFailureLockedEvent e) {
        failures.record("LOGIN_FAILED", name(e), "账号已锁定，拒绝登录", from(e.getAuthentication()));
    }

    @EventListener
    void throttled(LoginThrottledEvent e) {
        failures.record("LOGIN_THROTTLED", name(e), "登录尝试过于频繁，未校验密码即拒绝", from(e.getAuthentication()));
    }

    @EventListener
    void otherFailure(AbstractAuthenticationFailureEvent e) {
        if (e instanceof AuthenticationFailureBadCredentialsEvent || e instanceof AuthenticationFailureLockedEvent
                || e instanceof LoginThrottledEvent) return;
        failures.record("LOGIN_FAILED", name(e), "登录失败：" + e.getException().getClass().getSimpleName(), from(e.getAuthentication()));
    }

    @EventListener
    void logout(LogoutSuccessEvent e) {
        audit.record(e.getAuthentication().getName(), "LOGOUT", e.getAuthentication().getName(), "退出登录", from(e.getAuthentication()));
    }

    private static String name(AbstractAuthenticationFailureEvent e) {
        String n = e.getAuthentication().getName();
        return n == null || n.isBlank() ? "anonymous" : n;
    }

    private static String from(Authentication a) {
        return a.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }
}
