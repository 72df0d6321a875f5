package cn.sanbao.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Sign-in accounts until user management arrives. The administrator's password comes from
 * SANBAO_ADMIN_PASSWORD or is generated and printed once; demo accounts exist only in demo mode.
 */
@Configuration
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    /** Shared password of the demo accounts; they exist only when sanbao.demo.enabled=true. */
    public static final String DEMO_PASSWORD = "sanbao-demo";

    @Bean
    UserDetailsService users(PasswordEncoder encoder,
                             @Value("${sanbao.admin.password:}") String adminPassword,
                             @Value("${sanbao.demo.enabled:false}") boolean demo) {
        String password = adminPassword;
        if (password == null || password.isBlank()) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            log.warn("未设置 SANBAO_ADMIN_PASSWORD，已为管理员 admin 生成一次性密码（仅本次启动有效）：{}", password);
        }
        List<UserDetails> users = new ArrayList<>();
        users.add(User.withUsername("admin").password(encoder.encode(password)).roles(Roles.ANALYST).build());
        if (demo) {
            String p = encoder.encode(DEMO_PASSWORD);
            users.add(User.withUsername("analyst").password(p).roles(Roles.ANALYST).build());
            users.add(User.withUsername("leader").password(p).roles(Roles.LEADER).build());
            users.add(User.withUsername("yinchuan").password(p).roles(Roles.LOCAL)
                    .authorities("ROLE_" + Roles.LOCAL, Roles.SCOPE_PREFIX + "640100").build());
            users.add(User.withUsername("xiji").password(p).roles(Roles.LOCAL)
                    .authorities("ROLE_" + Roles.LOCAL, Roles.SCOPE_PREFIX + "640422").build());
            log.info("演示模式：演示账号 analyst（自治区分析员）、leader（领导）、yinchuan（银川市）、xiji（西吉县），密码 {}", DEMO_PASSWORD);
        }
        return new InMemoryUserDetailsManager(users);
    }
}
