package cn.sanbao.security;

import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused by {@link LoginThrottle} (mapped from {@link GuardedAuthenticationProvider.ThrottledException}
 * in SecurityConfig; public because Spring creates it by reflection).
 */
public class LoginThrottledEvent extends AbstractAuthenticationFailureEvent {

    public LoginThrottledEvent(Authentication authentication, AuthenticationException exception) {
        super(authentication, exception);
    }
}
