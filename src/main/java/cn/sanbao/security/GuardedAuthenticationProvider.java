package cn.sanbao.security;

import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Database sign-in (form and HTTP Basic) with two guards in front of the password check: the throttle per
 * account and address ({@link LoginThrottle}), and an attempt reserved atomically in app_user.failed_count so
 * that no more than {@link SignInEvents#MAX_FAILURES} passwords are ever checked before the account locks.
 */
class GuardedAuthenticationProvider extends DaoAuthenticationProvider {

    /** Refused by {@link LoginThrottle} before anything else was looked at. */
    public static final class ThrottledException extends AuthenticationException {
        ThrottledException() {
            super("登录尝试过于频繁，请稍后再试");
        }
    }

    private final UserRepository users;
    private final LoginThrottle throttle;
    private final Clock clock;

    GuardedAuthenticationProvider(UserDetailsService details, PasswordEncoder encoder, UserRepository users,
                                  LoginThrottle throttle, Clock clock) {
        super(details);
        setPasswordEncoder(encoder);
        this.users = users;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = String.valueOf(authentication.getName());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "-";
        boolean allowed;
        try {
            allowed = throttle.tryAcquire(name, address);
        } catch (DataAccessException e) { // no throttle state, no sign-in
            throw new InternalAuthenticationServiceException("登录服务暂不可用", e);
        }
        if (!allowed) throw new ThrottledException();
        Authentication result = super.authenticate(authentication);
        throttle.release(name, address);
        return result;
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken token) {
        if (!users.reserveAttempt(user.getUsername(), SignInEvents.MAX_FAILURES, LocalDateTime.now(clock)))
            throw new LockedException("账号已锁定");
        super.additionalAuthenticationChecks(user, token);
        users.clearFailures(user.getUsername());
    }
}
