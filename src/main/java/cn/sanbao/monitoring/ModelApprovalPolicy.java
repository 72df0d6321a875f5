package cn.sanbao.monitoring;

/**
 * 四眼原则 for model publication: a submitted version takes effect only when someone other than the
 * person who wrote or submitted it approves it. Roles (analyst or leader) are checked by the caller.
 */
public final class ModelApprovalPolicy {

    /** allowed, or refused with a Chinese reason shown to the person. */
    public record Decision(boolean allowed, String reason) {

        static Decision allow() {
            return new Decision(true, null);
        }

        static Decision reject(String reason) {
            return new Decision(false, reason);
        }
    }

    private ModelApprovalPolicy() {
    }

    public static Decision mayApprove(ModelVersion v, String approver) {
        if (!v.pending()) return Decision.reject(v.label() + " 当前为" + v.statusLabel() + "，只有待审核的版本可以审核");
        if (approver.equals(v.submittedBy()))
            return Decision.reject("您提交了 " + v.label() + " 的发布申请，不能审核自己提交的草稿；须由另一位分析员或领导审核");
        if (approver.equals(v.createdBy()))
            return Decision.reject("您是 " + v.label() + " 草稿的作者，不能审核自己的草稿；须由另一位分析员或领导审核");
        return Decision.allow();
    }
}
