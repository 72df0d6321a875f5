package cn.sanbao.decision.dispatch;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

/** A stored dispatch plan: DRAFT while the analyst adjusts it, APPROVED once decided (then unchangeable). */
public record DispatchPlan(long id, YearMonth baseMonth, BigDecimal pool, BigDecimal floor, String status, String note,
                           String createdBy, LocalDateTime createdAt, String approvedBy, LocalDateTime approvedAt,
                           List<Line> lines) {

    public static final String DRAFT = "DRAFT";
    public static final String APPROVED = "APPROVED";

    public record Line(String unitCode, BigDecimal shortfall, BigDecimal cap, BigDecimal proposed, BigDecimal amount,
                       String explanation) {
        public boolean adjusted() { return proposed.compareTo(amount) != 0; }
    }

    public boolean approved() { return APPROVED.equals(status); }

    public String statusName() { return approved() ? "已批准" : "草稿"; }

    /** The month the approved amounts reach the units' treasuries. */
    public YearMonth arrivalMonth() { return baseMonth.plusMonths(1); }

    public BigDecimal distributable() { return pool.subtract(floor); }

    public BigDecimal total() { return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add); }

    public BigDecimal kept() { return pool.subtract(total()); }

    public String label() { return "调度方案 #" + id + "（" + baseMonth + "）"; }
}
