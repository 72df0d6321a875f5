package cn.sanbao.intake;

import cn.sanbao.kernel.Period;
import cn.sanbao.security.UnitScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Which periods a user may report. A city or county reports what has happened: a period that has not
 * begun yet (after the current month, week or year) is refused for them. Province users keep the freedom to
 * load planning data or test periods ahead. The one place for this rule: templates, push and payment detail
 * all ask here.
 */
@Component
public class ReportingPeriods {

    private final UnitScope scope;
    private final Clock clock;

    public ReportingPeriods(UnitScope scope, ObjectProvider<Clock> clock) {
        this.scope = scope;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** The reason the current user may not report this period, or null when they may. */
    public String problem(Period period) {
        // no signed-in user: a start-up or internal call, not a city or county
        boolean signedIn = SecurityContextHolder.getContext().getAuthentication() != null;
        if (period == null || !signedIn || scope.seesAll()) return null;
        LocalDate today = LocalDate.now(clock);
        if (!period.startDate().isAfter(today)) return null;
        return "期间 " + period.code() + "（" + period.label() + "）尚未开始，不能报送未来期间的数据（今天是 " + today + "）";
    }
}
