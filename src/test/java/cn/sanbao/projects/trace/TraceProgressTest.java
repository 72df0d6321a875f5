package cn.sanbao.projects.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import cn.sanbao.projects.library.Category;
import cn.sanbao.projects.library.Project;
import cn.sanbao.projects.library.ProjectState;
import cn.sanbao.projects.library.SanbaoTag;

/** Budget, paid and time progress of one project, worked out by hand. */
class TraceProgressTest {

    static Project project(SanbaoTag tag) {
        return new Project(1, 2021, "P", "项目", "640422", "教育局", Category.SPECIFIC, tag, null, "2050202", "30305",
                new BigDecimal("800000.00"), ProjectState.EXECUTING);
    }

    @Test
    void progressIsPaidOverBudgetAndTimeIsDaysElapsedOverDaysInYear() {
        ProjectProgress p = TraceService.progress(project(SanbaoTag.LIVELIHOOD), new BigDecimal("300000"), LocalDate.of(2021, 6, 30));
        assertThat(p.progress()).isEqualByComparingTo("0.3750");
        // 1 January to 30 June 2021 inclusive: 181 of 365 days
        assertThat(p.timeProgress()).isEqualByComparingTo("0.4959");
        assertThat(p.behindTime()).isTrue();
        assertThat(p.noPaymentByMidYear()).isFalse();
    }

    @Test
    void sanbaoBudgetWithoutPaymentIsFlaggedFromThirtiethOfJuneOnly() {
        assertThat(TraceService.progress(project(SanbaoTag.LIVELIHOOD), null, LocalDate.of(2021, 6, 29)).noPaymentByMidYear()).isFalse();
        assertThat(TraceService.progress(project(SanbaoTag.LIVELIHOOD), null, LocalDate.of(2021, 6, 30)).noPaymentByMidYear()).isTrue();
        assertThat(TraceService.progress(project(SanbaoTag.NONE), null, LocalDate.of(2021, 9, 30)).noPaymentByMidYear()).isFalse();
    }

    @Test
    void withoutAPaymentBeanTheEmptySourceSaysItIsNotConnected() {
        assertThat(PaymentSource.NONE.connected()).isFalse();
        assertThat(PaymentSource.NONE.paidByProject("640422", 2021, LocalDate.of(2021, 12, 31))).isEmpty();
    }
}
