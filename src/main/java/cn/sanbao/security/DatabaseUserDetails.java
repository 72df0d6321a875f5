package cn.sanbao.security;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Signs users in from table app_user. Authorities: ROLE_&lt;role&gt;, SCOPE_&lt;unit&gt; for city and county
 * users, and PASSWORD_CHANGE_REQUIRED while the password must be changed.
 */
@Service
class DatabaseUserDetails implements UserDetailsService {

    private final UserRepository users;
    private final Clock clock;

    DatabaseUserDetails(UserRepository users, ObjectProvider<Clock> clock) {
        this.users = users;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount a = users.find(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(a.username()).password(a.passwordHash())
                .authorities(authorities(a))
                .disabled(!a.enabled())
                .accountLocked(a.lockedAt(LocalDateTime.now(clock)))
                .build();
    }

    static List<GrantedAuthority> authorities(UserAccount a) {
        List<GrantedAuthority> out = new ArrayList<>();
        if (a.role() != null) out.add(new SimpleGrantedAuthority("ROLE_" + a.role()));
        if (Roles.LOCAL.equals(a.role()) && a.scopeUnit() != null)
            out.add(new SimpleGrantedAuthority(Roles.SCOPE_PREFIX + a.scopeUnit()));
        if (a.mustChange()) out.add(new SimpleGrantedAuthority(Roles.PASSWORD_CHANGE_REQUIRED));
        return out;
    }
}
