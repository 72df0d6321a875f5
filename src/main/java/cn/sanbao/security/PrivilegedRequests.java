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
import cn.sanbao.security.ThreeRolePolicy.Action;
import cn.sanbao.security.ThreeRolePolicy.Decision;

/**
 * 特权账号审批 (三员分立): a change to a privileged account is requested by one privileged role and takes effect
 * only when a different privileged role approves it ({@link ThreeRolePolicy}). Roles are read from the database
 * at each step, not from the session. Every request, approval and rejection is audited.
 */
@Service
public class PrivilegedRequests {

    private final PrivilegedRequestRepository requests;
    private final AccountService accounts;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final SessionRevoker sessions;
    private final AuditLog audit;
    private final Clock clock;

    PrivilegedRequests(PrivilegedRequestRepository requests, AccountService accounts, UserRepository users, PasswordEncoder encoder,
                       SessionRevoker sessions, AuditLog audit, ObjectProvider<Clock> clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.users = users;
        this.encoder = encoder;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    public List<PrivilegedRequest> pending() {
        return requests.withStatus(PrivilegedRequest.PENDING);
    }

    public PrivilegedRequest find(long id) {
        return requests.find(id)
                .orElseThrow(() -> new NoSuchElementException("申请 #" + id + " 不存在"));
    }

    /**
     * Files a request; {@code role}/{@code scope} for a role change, {@code password} (temporary, to be changed at
     * first sign-in) for a reset. Returns the request's number.
     */
    @Transactional
    public long request(String actor, Action action, String target, String role, String scope, String password) {
        UserAccount t = accounts.require(target);
        String actorRole = accounts.require(actor).role();
        AccountService.RoleAndScope next = action == Action.ROLE_CHANGE ? accounts.validRole(role, scope) : null;
        check(ThreeRolePolicy.request(action, actor, actorRole, target, t.role(), next == null ? null : next.role()));
        String hash = null;
        if (action == Action.PASSWORD_RESET) {
            AccountService.requireStrong(target, password);
            hash = encoder.encode(password);
        }
        long id = requests.insert(action.name(), target, next == null ? null : next.role(), next == null ? null : next.scope(),
                hash, actor, actorRole, now(), PrivilegedRequest.PENDING);
        audit.record(actor, "PRIV_REQUEST", target, "申请 #" + id + "：" + describe(action, t, next) + "，待另一特权角色批准");
        return id;
    }

    /** Applies a pending request when the approver may approve it now (roles as they are at this moment). */
    @Transactional
    public void approve(String approver, long id) {
        PrivilegedRequest r = lockPending(id);
        UserAccount t = accounts.require(r.target());
        String approverRole = accounts.require(approver).role();
        check(ThreeRolePolicy.approve(r.actionCode(), approver, approverRole, r.requestedBy(), r.requesterRole(),
                r.target(), t.role(), r.newRole()));
        decide(r, "APPROVED", approver);
        switch (r.actionCode()) {
            case PASSWORD_RESET -> {
                users.setPassword(r.target(), r.passwordHash(), true, now());
                sessions.endSessionsOf(r.target());
            }
            case ROLE_CHANGE -> accounts.applyRole(approver, t, new AccountService.RoleAndScope(r.newRole(), r.newScope()));
            case DISABLE -> {
                users.setEnabled(r.target(), false);
                sessions.endSessionsOf(r.target());
            }
            case ENABLE -> users.setEnabled(r.target(), true);
        }
        audit.record(approver, "PRIV_APPROVE", r.target(), "批准申请 #" + id + "（" + r.requestedBy() + " 提出）："
                + describe(r.actionCode(), t, r.newRole() == null ? null : new AccountService.RoleAndScope(r.newRole(), r.newScope())));
    }

    /** Any privileged administrator may turn a request down; the requester may withdraw it. */
    @Transactional
    public void reject(String actor, long id) {
        PrivilegedRequest r = lockPending(id);
        if (!ThreeRolePolicy.privileged(accounts.require(actor).role()))
            throw new IllegalArgumentException("只有系统管理员、安全管理员、审计管理员可以驳回特权账号申请");
        decide(r, "REJECTED", actor);
        audit.record(actor, "PRIV_REJECT", r.target(), (actor.equals(r.requestedBy()) ? "撤回" : "驳回") + "申请 #" + id
                + "（" + r.actionName() + "）");
    }

    private PrivilegedRequest lockPending(long id) {
        PrivilegedRequest r = requests.lock(id)
                .orElseThrow(() -> new NoSuchElementException("申请 #" + id + " 不存在"));
        if (!PrivilegedRequest.PENDING.equals(r.status())) throw new IllegalArgumentException("申请 #" + id + " 已处理");
        return r;
    }

    private void decide(PrivilegedRequest r, String status, String by) {
        requests.decide(r.id(), status, by, now());
    }

    private String describe(Action action, UserAccount t, AccountService.RoleAndScope next) {
        String who = t.username() + "（" + accounts.roleName(t.role(), t.scopeUnit()) + "）";
        if (action != Action.ROLE_CHANGE) return action.label + " " + who;
        return "变更角色 " + who + " → " + accounts.roleName(next.role(), next.scope()) + (next.scope() == null ? "" : "（" + next.scope() + "）");
    }

    private static void check(Decision d) {
        if (!d.allowed()) throw new IllegalArgumentException(d.reason());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
