package cn.sanbao.security;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * 三员分立: none of the three privileged roles (system, security, audit administrator) may take over another's
 * account or role alone. A password reset, role change or enable/disable that touches a privileged role is
 * never done directly; it is requested by one privileged role and approved by a different one, and neither
 * of them may hold a role the change touches. Each policy answers allow or reject with a Chinese reason.
 */
public final class ThreeRolePolicy {

    /** What a request changes. */
    public enum Action {
        PASSWORD_RESET("重置密码"), ROLE_CHANGE("变更角色"), DISABLE("停用账号"), ENABLE("启用账号");

        public final String label;

        Action(String label) {
            this.label = label;
        }
    }

    /** Allow, or reject with the reason shown to the user. */
    public record Decision(boolean allowed, String reason) {
        static Decision allow() {
            return new Decision(true, null);
        }

        static Decision reject(String reason) {
            return new Decision(false, reason);
        }
    }

    public static final Set<String> PRIVILEGED = Set.of(Roles.SYSTEM_ADMIN, Roles.SECURITY_ADMIN, Roles.AUDITOR);

    private ThreeRolePolicy() {
    }

    public static boolean privileged(String role) {
        return role != null && PRIVILEGED.contains(role);
    }

    /** A change done at once by the system or security administrator: only when no privileged role is touched. */
    public static Decision direct(Action action, String targetRole, String newRole) {
        Set<String> touched = touched(action, targetRole, newRole);
        if (touched.isEmpty()) return Decision.allow();
        return Decision.reject("三员分立：" + action.label + "涉及" + names(touched) + "，不能由一人直接完成，"
                + "请在“特权账号审批”页提交申请，由另一特权角色批准");
    }

    /** Who may ask for a change that touches a privileged role. */
    public static Decision request(Action action, String actor, String actorRole, String target, String targetRole, String newRole) {
        Set<String> touched = touched(action, targetRole, newRole);
        if (!privileged(actorRole)) return Decision.reject("只有系统管理员、安全管理员、审计管理员可以提交特权账号申请");
        if (touched.isEmpty()) return Decision.reject("该变更不涉及特权角色，无需审批，请直接在用户管理或角色页办理");
        if (actor.equals(target)) return Decision.reject("三员分立：不能为自己的账号提交申请");
        if (touched.size() > 1)
            return Decision.reject("三员分立：不能在" + names(touched) + "之间直接转换，请先取消原角色，再另行申请授予新角色");
        if (touched.contains(actorRole))
            return Decision.reject("三员分立：" + Roles.name(actorRole) + "不能变更" + Roles.name(actorRole) + "账号，须由其他特权角色申请");
        return Decision.allow();
    }

    /** Who may approve: a privileged role other than the requester's and the touched one, and not the target. */
    public static Decision approve(Action action, String approver, String approverRole, String requester, String requesterRole,
                                   String target, String targetRole, String newRole) {
        Set<String> touched = touched(action, targetRole, newRole);
        if (!privileged(approverRole)) return Decision.reject("只有系统管理员、安全管理员、审计管理员可以审批特权账号申请");
        if (approver.equals(requester)) return Decision.reject("三员分立：申请人不能批准自己的申请");
        if (approver.equals(target)) return Decision.reject("三员分立：不能批准针对自己账号的申请");
        if (approverRole.equals(requesterRole))
            return Decision.reject("三员分立：批准人须与申请人属于不同的特权角色（申请人是" + Roles.name(requesterRole) + "）");
        if (touched.contains(approverRole))
            return Decision.reject("三员分立：" + Roles.name(approverRole) + "不能批准涉及" + Roles.name(approverRole) + "的申请");
        return Decision.allow();
    }

    /** The privileged roles a change touches: the target's current role, and the new one for a role change. */
    static Set<String> touched(Action action, String targetRole, String newRole) {
        Set<String> out = new LinkedHashSet<>();
        if (privileged(targetRole)) out.add(targetRole);
        if (action == Action.ROLE_CHANGE && privileged(newRole)) out.add(newRole);
        return out;
    }

    private static String names(Set<String> roles) {
        return String.join("、", roles.stream().map(Roles::name).toList());
    }
}
