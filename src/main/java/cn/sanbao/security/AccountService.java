package cn.sanbao.security;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import cn.sanbao.audit.AuditLog;

/**
 * Account changes, each audited. The system administrator creates accounts and resets passwords; only
 * the security administrator gives them a role and unit scope (three-role separation).
 */
@Service
public class AccountService {

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final UnitHierarchy units;
    private final AuditLog audit;
    private final Clock clock;

    AccountService(UserStore users, PasswordEncoder encoder, UnitHierarchy units, AuditLog audit,
                   ObjectProvider<Clock> clock) {
        this.users = users;
        this.encoder = encoder;
        this.units = units;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    public List<UserAccount> all() {
        return users.all();
    }

    public UserAccount require(String username) {
        return users.find(username).orElseThrow(() -> new NoSuchElementException("用户 " + username + " 不存在"));
    }

    /** A new account without role; its first sign-in forces a password change. */
    @Transactional
    public void create(String actor, String username, String displayName, String initialPassword) {
        if (username == null || !username.matches("[A-Za-z0-9_.-]{2,64}"))
            throw new IllegalArgumentException("用户名须为 2–64 位字母、数字、下划线、点或连字符");
        if (users.find(username).isPresent()) throw new IllegalArgumentException("用户名 " + username + " 已存在");
        if (displayName == null || displayName.isBlank()) throw new IllegalArgumentException("请填写姓名");
        requireStrong(username, initialPassword);
        users.insert(username, displayName.trim(), encoder.encode(initialPassword), null, null, true, actor, now());
        audit.record(actor, "USER_CREATE", username, "新建用户 " + displayName.trim() + "（待安全管理员分配角色）");
    }

    @Transactional
    public void resetPassword(String actor, String username, String newPassword) {
        require(username);
        requireStrong(username, newPassword);
        users.setPassword(username, encoder.encode(newPassword), true, now());
        audit.record(actor, "USER_PASSWORD_RESET", username, "重置密码，下次登录须修改");
    }

    @Transactional
    public void setEnabled(String actor, String username, boolean enabled) {
        require(username);
        if (actor.equals(username) && !enabled) throw new IllegalArgumentException("不能停用自己的账号");
        users.setEnabled(username, enabled);
        audit.record(actor, enabled ? "USER_ENABLE" : "USER_DISABLE", username, enabled ? "启用账号" : "停用账号");
    }

    @Transactional
    public void unlock(String actor, String username) {
        require(username);
        users.unlock(username);
        audit.record(actor, "USER_UNLOCK", username, "解除登录锁定");
    }

    /**
     * Security administrator only: role and, for city/county users, the unit they may see. {@code role} is a
     * choice of {@link Roles#NAMES}: 市级用户 needs a city, 县级用户 a county, 市本级 or zone; both are stored as
     * LOCAL with the scope. Plain LOCAL is accepted with any unit (its label then follows the scope).
     */
    @Transactional
    public void assignRole(String actor, String username, String role, String scopeUnit) {
        UserAccount a = require(username);
        if (actor.equals(username)) throw new IllegalArgumentException("不能修改自己的角色");
        if (role != null && role.isBlank()) role = null;
        if (role != null && !Roles.NAMES.containsKey(role) && !Roles.LOCAL.equals(role))
            throw new IllegalArgumentException("未知角色：" + role);
        String stored = Roles.stored(role);
        String scope = scopeFor(role, scopeUnit);
        users.setRole(username, stored, scope);
        audit.record(actor, "USER_ROLE", username, "角色：" + roleName(a.role(), a.scopeUnit())
                + (a.scopeUnit() == null ? "" : "（" + a.scopeUnit() + "）")
                + " → " + roleName(stored, scope) + (scope == null ? "" : "（" + scope + "）"));
    }

    /**
     * The unit scope a role choice gets: required and of the right kind for 市级用户 / 县级用户 (a city, or a
     * county-level budget unit), none for the other roles. Used for accounts and API tokens alike.
     */
    String scopeFor(String role, String scopeUnit) {
        String scope = scopeUnit == null || scopeUnit.isBlank() ? null : scopeUnit.trim();
        if (!Roles.LOCAL.equals(Roles.stored(role))) return null;
        String label = Roles.LOCAL.equals(role) ? "市县用户" : Roles.NAMES.get(role);
        if (scope == null) throw new IllegalArgumentException(label + "必须指定所属单位");
        if (!units.contains(scope)) throw new IllegalArgumentException("单位代码 " + scope + " 不存在");
        if (Roles.LOCAL_CITY.equals(role) && !units.isCity(scope))
            throw new IllegalArgumentException("市级用户的所属单位须为市（如 640100 银川市）：" + scope + " 不是市");
        if (Roles.LOCAL_COUNTY.equals(role) && !units.isBudgetUnit(scope))
            throw new IllegalArgumentException("县级用户的所属单位须为县（市、区）、市本级或功能区（如 640422 西吉县）：" + scope + " 不是");
        return scope;
    }

    /** 市级用户 or 县级用户 for a local user (by its scope), the role's name otherwise. */
    public String roleName(String role, String scopeUnit) {
        return Roles.name(roleChoice(role, scopeUnit));
    }

    /** The key of {@link Roles#NAMES} for a stored role and scope (LOCAL → LOCAL_CITY / LOCAL_COUNTY). */
    public String roleChoice(String role, String scopeUnit) {
        return Roles.choice(role, scopeUnit != null && units.isCity(scopeUnit));
    }

    @Transactional
    public void changeOwnPassword(String username, String current, String next, String remoteAddr) {
        UserAccount a = require(username);
        if (current == null || !encoder.matches(current, a.passwordHash())) throw new IllegalArgumentException("当前密码不正确");
        if (encoder.matches(next, a.passwordHash())) throw new IllegalArgumentException("新密码不能与当前密码相同");
        requireStrong(username, next);
        users.setPassword(username, encoder.encode(next), false, now());
        audit.record(username, "PASSWORD_CHANGE", username, "修改本人密码", remoteAddr);
    }

    /** Used at start-up only (first administrator, demo accounts); not audited as a user action. */
    void createInitial(String username, String displayName, String password, String role, String scope, boolean mustChange) {
        users.insert(username, displayName, encoder.encode(password), role, scope, mustChange, "system", now());
    }

    boolean exists(String username) {
        return users.find(username).isPresent();
    }

    long count() {
        return users.count();
    }

    private static void requireStrong(String username, String password) {
        List<String> problems = PasswordPolicy.problems(username, password);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("；", problems));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
