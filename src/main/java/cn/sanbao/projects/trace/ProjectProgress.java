package cn.sanbao.projects.trace;

import java.math.BigDecimal;
import cn.sanbao.projects.library.Project;

/**
 * A project's budget against what was paid by a date. {@code progress} = paid ÷ budget (4 places);
 * {@code noPaymentByMidYear}: a 三保 project with budget and not one payment by 30 June or later.
 */
public record ProjectProgress(Project project, BigDecimal paid, BigDecimal progress, BigDecimal timeProgress,
                              boolean noPaymentByMidYear) {

    /** Paid share behind the share of the year elapsed. */
    public boolean behindTime() {
        return progress != null && progress.compareTo(timeProgress) < 0;
    }
}
