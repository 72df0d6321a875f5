package cn.sanbao.security;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Offline recovery of a privileged account, for when dual approval is impossible (first installation: no
 * security or audit administrator yet; or the other privileged accounts are lost). Run on the server with the
 * platform stopped, by someone with the database credentials and the audit key:
 * <pre>java -jar sanbao.jar recover-account USERNAME --operator NAME [--role SECURITY_ADMIN] [--spring.profiles.active=postgres]</pre>
 * Prints a one-time password (to be changed at first sign-in) and records ACCOUNT_RECOVERY in the audit trail,
 * naming the operator and the operating-system user.
 */
public final class AccountRecoveryCommand {

    private AccountRecoveryCommand() {
    }

    public static int run(String[] args, Class<?> application, PrintStream out, PrintStream err) {
        String username = null, operator = null, role = null;
        List<String> spring = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--operator") && i + 1 < args.length) operator = args[++i];
            else if (a.equals("--role") && i + 1 < args.length) role = args[++i];
            else if (a.startsWith("--")) spring.add(a);
            else if (username == null) username = a;
        }
        if (username == null || operator == null || operator.isBlank()) {
            err.println("用法：java -jar sanbao.jar recover-account 用户名 --operator 执行人姓名 [--role SYSTEM_ADMIN|SECURITY_ADMIN|AUDITOR]"
                    + " [--spring.profiles.active=postgres]\n须在平台停止运行时执行；结果写入审计日志。");
            return 2;
        }
        spring.add("--sanbao.demo.enabled=false");
        spring.add("--sanbao.reports.schedule.weekly=-");
        spring.add("--sanbao.reports.schedule.monthly=-");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                .run(spring.toArray(String[]::new))) {
            String password = ctx.getBean(AccountService.class).recover(operator.strip(), System.getProperty("user.name"), username, role);
            out.println("已恢复账号 " + username + "，一次性密码（首次登录须修改）：" + password);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("恢复失败：" + e.getMessage());
            return 1;
        }
    }
}
