package cn.sanbao.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class WarningCaseTest {

    static WarningCase inStatus(CaseStatus s) {
        return new WarningCase(1, "640422", s.name(), "HIGH", null, "2021-03", "2021-03", LocalDateTime.of(2021, 4, 1, 9, 0),
                LocalDate.of(2021, 4, 11), LocalDate.of(2021, 5, 1), null, null, LocalDateTime.of(2021, 4, 1, 9, 0));
    }

    @Test
    void noPlanByThePlanDeadlineIsOverdue() {
        assertThat(inStatus(CaseStatus.WARNED).overdue(LocalDate.of(2021, 4, 11))).isFalse();
        assertThat(inStatus(CaseStatus.WARNED).overdue(LocalDate.of(2021, 4, 12))).isTrue();
        assertThat(inStatus(CaseStatus.PLAN_SUBMITTED).overdue(LocalDate.of(2021, 4, 12))).isFalse();
    }

    @Test
    void notClosedByTheRectificationDeadlineIsOverdueAndAClosedCaseNeverIs() {
        assertThat(inStatus(CaseStatus.RECTIFYING).overdue(LocalDate.of(2021, 5, 1))).isFalse();
        assertThat(inStatus(CaseStatus.RECTIFYING).overdue(LocalDate.of(2021, 5, 2))).isTrue();
        assertThat(inStatus(CaseStatus.CLOSED).overdue(LocalDate.of(2022, 1, 1))).isFalse();
    }
}
