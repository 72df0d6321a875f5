package cn.sanbao.security;

import cn.sanbao.region.RegionTree;
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
 * the security administrator gives them a role and unit scope (three-role separation). A change that touches
 * a privileged role goes through {@link PrivilegedRequests} instead ({@link ThreeRolePolicy}). Taking access
 * away ends the user's sessions at once ({@link SessionRevoker}).
 */
@Service
public class AccountService {

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final RegionTree units;
    private final AuditLog audit;
    private final Clock clock;
    private final SessionRevoker sessions;

    AccountService(UserRepository users, PasswordEncoder encoder, RegionTree units, AuditLog audit,
                   ObjectProvider<Clock> clock, SessionRevoker sessions) {
        this.users = users;
        this.sessions = sessions;
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
        UserAccount a = require(username);
        allowDirect(ThreeRolePolicy.Action.PASSWORD_RESET, a.role(), null);
        requireStrong(username, newPassword);
        users.setPassword(username, encoder.encode(newPassword), true, now());
        sessions.endSessionsOf(username);
        audit.record(actor, "USER_PASSWORD_RESET", username, "重置密码，下次登录须修改");
    }

    @Transactional
    public void setEnabled(String actor, String username, boolean enabled) {
        UserAccount a = require(username);
        if (actor.equals(username) && !enabled) throw new IllegalArgumentException("不能停用自己的账号");
        allowDirect(enabled ? ThreeRolePolicy.Action.ENABLE : ThreeRolePolicy.Action.DISABLE, a.role(), null);
        users.setEnabled(username, enabled);
        if (!enabled) sessions.endSessionsOf(username);
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
        RoleAndScope next = validRole(role, scopeUnit);
        allowDirect(ThreeRolePolicy.Action.ROLE_CHANGE, a.role(), next.role());
        applyRole(actor, a, next);
    }

    /** A stored role (LOCAL for both local choices) and the unit scope that goes with it. */
    record RoleAndScope(String role, String scope) {
    }

    /**
     * Checks a choice of {@link Roles#NAMES} and its unit: 市级用户 needs a city, 县级用户 a county, 市本级 or zone;
     * both are stored as LOCAL with the scope. Plain LOCAL is accepted with any unit (its label then follows the
     * scope). Other roles carry no scope.
     */
    RoleAndScope validRole(String role, String scopeUnit) {
        if (role != null && role.isBlank()) role = null;
        if (role != null && !Roles.NAMES.containsKey(role) && !Roles.LOCAL.equals(role))
            throw new IllegalArgumentException("未知角色：" + role);
        String scope = scopeUnit == null || scopeUnit.isBlank() ? null : scopeUnit.trim();
        String stored = Roles.stored(role);
        if (!Roles.LOCAL.equals(stored)) return new RoleAndScope(stored, null);
        String label = Roles.LOCAL.equals(role) ? "市县用户" : Roles.NAMES.get(role);
        if (scope == null) throw new IllegalArgumentException(label + "必须指定所属单位");
        if (!units.contains(scope)) throw new IllegalArgumentException("单位代码 " + scope + " 不存在");
        if (Roles.LOCAL_CITY.equals(role) && !units.isCity(scope))
            throw new IllegalArgumentException("市级用户的所属单位须为市（如 640100 银川市）：" + scope + " 不是市");
        if (Roles.LOCAL_COUNTY.equals(role) && !units.isBudgetUnit(scope))
            throw new IllegalArgumentException("县级用户的所属单位须为县（市、区）、市本级或功能区（如 640422 西吉县）：" + scope + " 不是");
        return new RoleAndScope(stored, scope);
    }

    /** Stores a checked role, ends the user's sessions (they held the old rights) and audits the change. */
    void applyRole(String actor, UserAccount a, RoleAndScope next) {
        users.setRole(a.username(), next.role(), next.scope());
        sessions.endSessionsOf(a.username());
        audit.record(actor, "USER_ROLE", a.username(), "角色：" + roleName(a.role(), a.scopeUnit())
                + (a.scopeUnit() == null ? "" : "（" + a.scopeUnit() + "）")
                + " → " + roleName(next.role(), next.scope()) + (next.scope() == null ? "" : "（" + next.scope() + "）"));
    }

    private static void allowDirect(ThreeRolePolicy.Action action, String targetRole, String newRole) {
        ThreeRolePolicy.Decision d = ThreeRolePolicy.direct(action, targetRole, newRole);
        if (!d.allowed()) throw new IllegalArgumentException(d.reason());
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
        // other sessions may be someone who learnt the old password
        sessions.endSessionsOf(username);
        audit.record(username, "PASSWORD_CHANGE", username, "修改本人密码", remoteAddr);
    }

    /**
     * Offline recovery ({@link AccountRecoveryCommand}): a generated one-time password, enabled and unlocked, and
     * for {@code role} one of the privileged roles (the account is created when missing). Audited with the operator.
     */
    @Transactional
    public String recover(String operator, String osUser, String username, String role) {
        if (role != null && !ThreeRolePolicy.privileged(role))
            throw new IllegalArgumentException("离线恢复只用于系统管理员、安全管理员、审计管理员账号：" + role);
        String password = InitialAccounts.generated();
        if (!exists(username)) {
            if (role == null) throw new IllegalArgumentException("用户 " + username + " 不存在；新建时须用 --role 指定特权角色");
            createInitial(username, Roles.name(role), password, role, null, true);
        } else {
            UserAccount a = require(username);
            if (role == null && !ThreeRolePolicy.privileged(a.role()))
                throw new IllegalArgumentException("用户 " + username + " 不是特权账号，请在平台上由系统管理员重置密码");
            users.setPassword(username, encoder.encode(password), true, now());
            users.setEnabled(username, true);
            if (role != null) users.setRole(username, role, null);
        }
        UserAccount a = require(username);
        audit.record("offline:" + operator, "ACCOUNT_RECOVERY", username, "离线恢复特权账号（操作系统用户 " + osUser + "）：重置密码"
                + "、启用并解锁，角色 " + roleName(a.role(), a.scopeUnit()));
        return password;
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

    static void requireStrong(String username, String password) {
        List<String> problems = PasswordPolicy.problems(username, password);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("；", problems));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
