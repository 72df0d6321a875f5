package cn.sanbao.projects.trace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Where payments per project come from. The payment-detail import provides the real implementation as a
 * bean; without one, {@link #NONE} (no payments known) is used, and the trace says so.
 */
@org.springframework.modulith.NamedInterface("api")
public interface PaymentSource {

    /** Paid amount per project code of the unit and year, payments dated up to and including {@code upTo}. */
    Map<String, BigDecimal> paidByProject(String unitCode, int year, LocalDate upTo);

    /** Every payment of one project, in date order. */
    List<ProjectPayment> payments(String unitCode, String projectCode, int year);

    /** One page of {@link #payments(String, String, int)}; sources backed by a database read only that page. */
    default List<ProjectPayment> payments(String unitCode, String projectCode, int year, long offset, int limit) {
        List<ProjectPayment> all = payments(unitCode, projectCode, year);
        int from = (int) Math.min(all.size(), offset);
        return all.subList(from, (int) Math.min(all.size(), (long) from + limit));
    }

    default long paymentCount(String unitCode, String projectCode, int year) {
        return payments(unitCode, projectCode, year).size();
    }

    /** False only for the built-in empty source, so screens can say that no payment data is connected. */
    default boolean connected() { return true; }

    PaymentSource NONE = new PaymentSource() {
        @Override public Map<String, BigDecimal> paidByProject(String unitCode, int year, LocalDate upTo) { return Map.of(); }

        @Override public List<ProjectPayment> payments(String unitCode, String projectCode, int year) { return List.of(); }

        @Override public boolean connected() { return false; }
    };
}
