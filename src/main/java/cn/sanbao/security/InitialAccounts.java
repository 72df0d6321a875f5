package cn.sanbao.security;

import java.security.SecureRandom;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import cn.sanbao.audit.AuditLog;

/**
 * First start with no users: creates the system administrator {@code admin}, password from
 * SANBAO_ADMIN_PASSWORD or generated and printed once, which must be changed at first sign-in.
 * In demo mode (never with the postgres profile) adds the demo accounts with password sanbao-demo.
 */
@Component
@Order(1)
class InitialAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAccounts.class);
    /** Shared password of the demo accounts; they exist only when sanbao.demo.enabled=true. */
    static final String DEMO_PASSWORD = "sanbao-demo";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AccountService accounts;
    private final AuditLog audit;
    private final String adminPassword;
    private final boolean demo;
    private final Environment env;

    InitialAccounts(AccountService accounts, AuditLog audit, @Value("${sanbao.admin.password:}") String adminPassword,
                    @Value("${sanbao.demo.enabled:false}") boolean demo, Environment env) {
        this.accounts = accounts;
        this.audit = audit;
        this.adminPassword = adminPassword;
        this.demo = demo;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() == 0) {
            String password = adminPassword;
            if (password == null || password.isBlank()) {
                password = generated();
                log.warn("首次启动：已创建系统管理员 admin，一次性初始密码（只显示这一次，首次登录须修改）：{}", password);
            } else {
                log.info("首次启动：已创建系统管理员 admin，初始密码取自 SANBAO_ADMIN_PASSWORD，首次登录须修改");
            }
            accounts.createInitial("admin", "系统管理员", password, Roles.SYSTEM_ADMIN, null, true);
            audit.record("system", "USER_CREATE", "admin", "首次启动创建系统管理员");
        }
        if (demo) demoAccounts();
    }

    private void demoAccounts() {
        if (Arrays.asList(env.getActiveProfiles()).contains("postgres")) {
            log.warn("postgres 配置下不创建演示账号");
            return;
        }
        int created = 0;
        created += demo("analyst", "演示分析员", Roles.ANALYST, null);
        created += demo("leader", "演示领导", Roles.LEADER, null);
        created += demo("yinchuan", "银川市演示用户", Roles.LOCAL, "640100");
        created += demo("xiji", "西吉县演示用户", Roles.LOCAL, "640422");
        created += demo("security", "演示安全管理员", Roles.SECURITY_ADMIN, null);
        created += demo("auditor", "演示审计管理员", Roles.AUDITOR, null);
        created += demo("ops", "演示运维监控员", Roles.OPERATIONS, null);
        if (created > 0) {
            audit.record("system", "USER_CREATE", "demo", "演示模式创建演示账号 " + created + " 个");
            log.info("演示模式：演示账号 analyst、leader、yinchuan、xiji、security、auditor、ops，密码 {}", DEMO_PASSWORD);
        }
    }

    private int demo(String username, String name, String role, String scope) {
        if (accounts.exists(username)) return 0;
        accounts.createInitial(username, name, DEMO_PASSWORD, role, scope, false);
        return 1;
    }

    /** 16 characters; regenerated until it meets the password policy. */
    static String generated() {
        SecureRandom random = new SecureRandom();
        while (true) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 14; i++) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            sb.append('-').append(random.nextInt(10));
            if (PasswordPolicy.problems("admin", sb.toString()).isEmpty()) return sb.toString();
        }
    }
}
