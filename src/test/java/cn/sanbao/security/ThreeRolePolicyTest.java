package cn.sanbao.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import cn.sanbao.security.ThreeRolePolicy.Action;
import cn.sanbao.security.ThreeRolePolicy.Decision;

/** Every pair of privileged roles (who acts, whose account) for every action: direct, request and approval. */
class ThreeRolePolicyTest {

    static final List<String> PRIVILEGED = List.of(Roles.SYSTEM_ADMIN, Roles.SECURITY_ADMIN, Roles.AUDITOR);

    @Test
    void noPrivilegedAccountIsChangedDirectlyByAnyone() {
        for (Action action : Action.values()) {
            for (String target : PRIVILEGED) {
                Decision d = ThreeRolePolicy.direct(action, target, Roles.ANALYST);
                assertThat(d.allowed()).as(action + " on " + target).isFalse();
                assertThat(d.reason()).contains("三员分立").contains(Roles.name(target));
            }
            // granting a privileged role to an ordinary account is just as guarded
            if (action == Action.ROLE_CHANGE)
                for (String role : PRIVILEGED) assertThat(ThreeRolePolicy.direct(action, Roles.ANALYST, role).allowed()).isFalse();
            // ordinary accounts are still managed directly
            assertThat(ThreeRolePolicy.direct(action, Roles.LOCAL, Roles.LEADER).allowed()).as(action.name()).isTrue();
        }
    }

    /** A role may never act on its own kind; the one approver role left is the third one. */
    @Test
    void everyRequesterTargetApproverTriple() {
        for (Action action : List.of(Action.PASSWORD_RESET, Action.DISABLE, Action.ENABLE, Action.ROLE_CHANGE)) {
            String newRole = action == Action.ROLE_CHANGE ? Roles.ANALYST : null;
            for (String requester : PRIVILEGED) {
                for (String target : PRIVILEGED) {
                    Decision asked = ThreeRolePolicy.request(action, "req", requester, "tgt", target, newRole);
                    String pair = action + " by " + requester + " on " + target;
                    if (requester.equals(target)) {
                        assertThat(asked.allowed()).as(pair).isFalse();
                        assertThat(asked.reason()).as(pair).contains("不能变更" + Roles.name(target) + "账号");
                        continue;
                    }
                    assertThat(asked.allowed()).as(pair).isTrue();
                    for (String approver : PRIVILEGED) {
                        Decision ok = ThreeRolePolicy.approve(action, "appr", approver, "req", requester, "tgt", target, newRole);
                        boolean third = !approver.equals(requester) && !approver.equals(target);
                        assertThat(ok.allowed()).as(pair + " approved by " + approver).isEqualTo(third);
                        if (!third) assertThat(ok.reason()).startsWith("三员分立");
                    }
                }
            }
        }
    }

    @Test
    void grantingAPrivilegedRoleNeedsTheOtherTwo() {
        for (String granted : PRIVILEGED) {
            for (String requester : PRIVILEGED) {
                boolean allowed = ThreeRolePolicy.request(Action.ROLE_CHANGE, "req", requester, "tgt", Roles.ANALYST, granted).allowed();
                assertThat(allowed).as(requester + " grants " + granted).isEqualTo(!requester.equals(granted));
            }
        }
        // switching straight from one privileged role to another would touch two of the three
        assertThat(ThreeRolePolicy.request(Action.ROLE_CHANGE, "req", Roles.SECURITY_ADMIN, "tgt", Roles.AUDITOR, Roles.SYSTEM_ADMIN).reason())
                .contains("不能在审计管理员、系统管理员之间直接转换");
    }

    @Test
    void nobodyActsOnTheirOwnAccountOrApprovesTheirOwnRequest() {
        assertThat(ThreeRolePolicy.request(Action.PASSWORD_RESET, "admin", Roles.SYSTEM_ADMIN, "admin", Roles.SECURITY_ADMIN, null).reason())
                .isEqualTo("三员分立：不能为自己的账号提交申请");
        assertThat(ThreeRolePolicy.approve(Action.PASSWORD_RESET, "a", Roles.AUDITOR, "a", Roles.SYSTEM_ADMIN, "s", Roles.SECURITY_ADMIN, null).reason())
                .isEqualTo("三员分立：申请人不能批准自己的申请");
        assertThat(ThreeRolePolicy.approve(Action.PASSWORD_RESET, "s", Roles.SECURITY_ADMIN, "a", Roles.SYSTEM_ADMIN, "s", Roles.AUDITOR, null).reason())
                .isEqualTo("三员分立：不能批准针对自己账号的申请");
        for (String ordinary : Set.of(Roles.ANALYST, Roles.LEADER, Roles.LOCAL))
            assertThat(ThreeRolePolicy.request(Action.PASSWORD_RESET, "x", ordinary, "y", Roles.AUDITOR, null).allowed()).isFalse();
    }
}
