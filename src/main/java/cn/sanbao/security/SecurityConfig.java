package cn.sanbao.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.session.SessionManagementFilter;

/**
 * Web security; endpoints may also carry @PreAuthorize (method security is on). The three
 * administrator roles reach only their own screens; business screens need ANALYST, LEADER or LOCAL.
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    /** Roles that work with monitoring data (the administrators do not). */
    static final String[] BUSINESS = {Roles.ANALYST, Roles.LEADER, Roles.LOCAL};

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, SessionRegistry sessionRegistry, ApiTokens tokens) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/maps/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/home", "/account/**").authenticated()
                        // metrics and health details: the operations role only (docs/operations.md)
                        .requestMatchers("/actuator/**").hasRole(Roles.OPERATIONS)
                        .requestMatchers("/admin/users/**").hasRole(Roles.SYSTEM_ADMIN)
                        .requestMatchers("/admin/requests/**").hasAnyRole(Roles.SYSTEM_ADMIN, Roles.SECURITY_ADMIN, Roles.AUDITOR)
                        .requestMatchers("/admin/roles/**", "/admin/tokens/**").hasRole(Roles.SECURITY_ADMIN)
                        .requestMatchers("/audit/**", "/api/audit/**").hasRole(Roles.AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/runs/**").hasRole(Roles.ANALYST)
                        // 数据提取: source database addresses and accounts are the analyst's alone
                        .requestMatchers("/connectors", "/connectors/**").hasRole(Roles.ANALYST)
                        .requestMatchers("/api/revisions/**", "/api/models/**").hasAnyRole(Roles.ANALYST, Roles.LEADER)
                        .requestMatchers(HttpMethod.GET, "/models", "/models/**").hasAnyRole(Roles.ANALYST, Roles.LEADER)
                        // 四眼原则: a leader may approve or return an analyst's model submission
                        .requestMatchers(HttpMethod.POST, "/models/*/approve", "/models/*/reject").hasAnyRole(Roles.ANALYST, Roles.LEADER)
                        .requestMatchers("/models", "/models/**").hasRole(Roles.ANALYST)
                        // a leader decides 约谈 / 问责 / 通报 on a case by hand
                        .requestMatchers(HttpMethod.POST, "/warnings/cases/*/escalation").hasAnyRole(Roles.ANALYST, Roles.LEADER)
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(BUSINESS)
                        .requestMatchers(HttpMethod.HEAD, "/**").hasAnyRole(BUSINESS)
                        // leaders read everything and change nothing; method security narrows the writers further
                        .anyRequest().hasAnyRole(Roles.ANALYST, Roles.LOCAL))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/home", false).permitAll())
                .logout(Customizer.withDefaults())
                // every signed-in session is registered so that SessionRevoker can end it (no limit on their number)
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login?expired"))
                .httpBasic(Customizer.withDefaults())
                .addFilterBefore(new PasswordChangeGate(), AuthorizationFilter.class)
                // browser hardening and API CSRF/tokens live in their own classes (docs/security.md)
                .headers(new BrowserHeaders())
                .csrf(ApiWrites.csrf())
                .exceptionHandling(ApiWrites.refusals())
                // after session management, which would otherwise register (and so create) a session for each token request
                .addFilterAfter(new ApiTokenFilter(tokens), SessionManagementFilter.class);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Publishes sign-in success and failure events, which {@link SignInEvents} audits. */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
        events.setAdditionalExceptionMappings(java.util.Map.of(GuardedAuthenticationProvider.ThrottledException.class,
                LoginThrottledEvent.class));
        return events;
    }
}
