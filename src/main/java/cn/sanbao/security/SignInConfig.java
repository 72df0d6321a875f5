package cn.sanbao.security;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/** How users sign in (guarded database provider) and the registry of signed-in sessions that {@link SessionRevoker} ends. */
@Configuration
class SignInConfig {

    @Bean
    AuthenticationProvider databaseSignIn(DatabaseUserDetails details, PasswordEncoder encoder, UserRepository users,
                                          LoginThrottle throttle, ObjectProvider<Clock> clock) {
        return new GuardedAuthenticationProvider(details, encoder, users, throttle, clock.getIfAvailable(Clock::systemDefaultZone));
    }

    /**
     * Sessions in the database (Spring Session JDBC, docs/operations.md): the registry reads them from there, so
     * any instance finds and ends the sessions of any user. Without that repository (tests that keep sessions in the
     * servlet container) the registry is the in-memory one.
     */
    @Bean
    SessionRegistry sessionRegistry(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> database) {
        FindByIndexNameSessionRepository<? extends Session> sessions = database.getIfAvailable();
        return sessions == null ? new SessionRegistryImpl() : new SpringSessionBackedSessionRegistry<>(sessions);
    }

    /** Tells the registry when the servlet container destroys a session (sign-out, timeout). */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
