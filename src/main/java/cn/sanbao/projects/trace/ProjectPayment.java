package cn.sanbao.projects.trace;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One payment made from a project's budget (from the payment detail of the budget-execution data). */
@org.springframework.modulith.NamedInterface("api")
public record ProjectPayment(String projectCode, LocalDate paidOn, BigDecimal amount, String voucher, String payee) {
}
