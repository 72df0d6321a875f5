package cn.sanbao.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import cn.sanbao.projects.trace.PaymentSource;
import cn.sanbao.projects.trace.ProjectPayment;

/** Connects the project library's traceability to the imported payment detail (支付明细). */
@Component
class ProjectPaymentSource implements PaymentSource {

    private final PaymentRepository payments;

    ProjectPaymentSource(PaymentRepository payments) {
        this.payments = payments;
    }

    @Override
    public Map<String, BigDecimal> paidByProject(String unitCode, int year, LocalDate upTo) {
        return payments.paidByProject(unitCode, year, upTo);
    }

    @Override
    public List<ProjectPayment> payments(String unitCode, String projectCode, int year) {
        return payments.payments(unitCode, projectCode, year).stream().map(ProjectPaymentSource::payment).toList();
    }

    @Override
    public List<ProjectPayment> payments(String unitCode, String projectCode, int year, long offset, int limit) {
        return payments.payments(unitCode, projectCode, year, offset, limit).stream().map(ProjectPaymentSource::payment).toList();
    }

    @Override
    public long paymentCount(String unitCode, String projectCode, int year) {
        return payments.paymentCount(unitCode, projectCode, year);
    }

    private static ProjectPayment payment(PaymentRepository.Payment p) {
        return new ProjectPayment(p.projectCode(), p.payDate(), p.amount(), "支付明细修订 #" + p.revisionId() + " 第" + p.lineNo() + "行", p.agency());
    }
}
