package cn.sanbao.audit;

import java.util.Map;

/** Chinese names of the audit actions for screens and exports; unknown codes are shown as they are. */
public final class AuditActions {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("LOGIN", "登录"), Map.entry("LOGIN_FAILED", "登录失败"), Map.entry("LOGOUT", "退出登录"),
            Map.entry("ACCOUNT_LOCKED", "账号锁定"), Map.entry("PASSWORD_CHANGE", "修改密码"),
            Map.entry("USER_CREATE", "新建用户"), Map.entry("USER_PASSWORD_RESET", "重置密码"),
            Map.entry("USER_ENABLE", "启用账号"), Map.entry("USER_DISABLE", "停用账号"), Map.entry("USER_UNLOCK", "解除锁定"),
            Map.entry("USER_ROLE", "分配角色"), Map.entry("SCOPE_DENIED", "越权访问被拒绝"),
            Map.entry("FACT_IMPORT", "数据导入"), Map.entry("SCORING_RUN", "监测运行"),
            Map.entry("MODEL_PUBLISH", "发布模型"), Map.entry("MODEL_DRAFT", "保存模型草稿"),
            Map.entry("MODEL_SUBMIT", "提交模型发布审核"), Map.entry("MODEL_REJECT", "退回模型发布申请"),
            Map.entry("MODEL_APPROVE_DENIED", "模型审核被拒绝"),
            Map.entry("WARNING_CASE_ESCALATE", "升级处置"), Map.entry("WARNING_CASE_DEESCALATE", "降低处置级别"),
            Map.entry("WARNING_NOTICE_DOWNLOAD", "下载通报批评"),
            Map.entry("EXPORT", "导出"), Map.entry("AUDIT_VERIFY", "校验审计链"),
            Map.entry("REPORT_GENERATE", "生成报告"), Map.entry("REPORT_DOWNLOAD", "下载报告"),
            Map.entry("REPORT_DENIED", "报告操作被拒绝"), Map.entry("REPORT_DISTRIBUTE", "分发报告"),
            Map.entry("API_TOKEN_ISSUE", "签发接口令牌"), Map.entry("API_TOKEN_REVOKE", "吊销接口令牌"),
            Map.entry("API_TOKEN_REJECTED", "接口令牌被拒绝"),
            Map.entry("PRIV_REQUEST", "特权账号申请"), Map.entry("PRIV_APPROVE", "批准特权账号申请"),
            Map.entry("PRIV_REJECT", "驳回特权账号申请"), Map.entry("ACCOUNT_RECOVERY", "离线恢复账号"),
            Map.entry("LOGIN_THROTTLED", "登录限流"), Map.entry("AUDIT_RECHAIN", "审计链升级"),
            Map.entry("AUDIT_KEY_ROTATE", "审计密钥轮换"));

    private AuditActions() {
    }

    public static String name(String code) {
        return code == null ? "" : NAMES.getOrDefault(code, code);
    }
}
