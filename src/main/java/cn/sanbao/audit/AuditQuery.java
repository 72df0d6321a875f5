package cn.sanbao.audit;

import java.time.LocalDate;

/** Search criteria of the audit screen; blank fields do not filter. Dates are inclusive. */
public record AuditQuery(String actor, String action, String target, LocalDate from, LocalDate to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }
}
