package cn.sanbao.audit;

import java.util.List;
import cn.sanbao.shared.CodeLabels;

/** Chinese names of the audit actions for screens, exports and the filter; kept in i18n/codes (family audit.action). */
public final class AuditActions {

    static final String FAMILY = "audit.action";

    private AuditActions() {
    }

    public static String name(String code) {
        return CodeLabels.label(FAMILY, code);
    }

    /** Action codes whose Chinese name contains the text (登录 → LOGIN, LOGIN_FAILED). */
    public static List<String> matching(String text) {
        return CodeLabels.matching(FAMILY, text);
    }
}
