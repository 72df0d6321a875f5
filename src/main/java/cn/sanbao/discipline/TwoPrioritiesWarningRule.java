package cn.sanbao.discipline;

import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import cn.sanbao.warnings.ExtraWarningRule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The optional warning rule 「两个支出」优先: off by default; when an analyst switches it on, publishing a month also
 * warns every budget unit flagged that month, with the reason as the warning's cause. Switching is audited.
 */
@Component
public class TwoPrioritiesWarningRule implements ExtraWarningRule {

    static final String NAME = "two-priorities-warning";

    private final DisciplineSettingRepository settings;
    private final DisciplineService discipline;
    private final AuditLog audit;
    private final TransactionOperations tx;
    private final Clock clock;

    public TwoPrioritiesWarningRule(DisciplineSettingRepository settings, DisciplineService discipline, AuditLog audit, TransactionOperations tx,
                                    ObjectProvider<Clock> clock) {
        this.settings = settings;
        this.discipline = discipline;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    public boolean enabled() {
        return settings.enabled(NAME).orElse(false);
    }

    public void setEnabled(boolean on, String actor) {
        tx.executeWithoutResult(s -> {
            settings.save(NAME, on, actor, LocalDateTime.now(clock));
            audit.record(actor, "DISCIPLINE_WARNING_RULE", NAME, on ? "开启预警规则“两个支出优先”：发布月度结果时对违反的单位预警"
                    : "关闭预警规则“两个支出优先”");
        });
    }

    @Override
    public Optional<String> cause(String unitCode, Period month) {
        if (month.type() != Period.Type.MONTH || !enabled()) return Optional.empty();
        return discipline.twoPriorities(month, unitCode).filter(c -> c.check().flagged())
                .map(c -> "未落实“两个支出”优先：" + c.check().reason());
    }
}
