package cn.sanbao.decision.runway;

import cn.sanbao.kernel.CashBand;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 库款预测: projects a unit's month-end cash from the month after the base month to December (at least
 * three months, running into the next year when needed). Per projected month:
 * <ul>
 * <li>三保 outflow is a commitment: the 三保 need not yet paid this year, spread evenly over the remaining
 *     months (the last month takes the cents left by rounding); in a following year need ÷ 12;</li>
 * <li>inflow, debt service and other outflow follow the same calendar month one year earlier when it is in
 *     the history (seasonal profile), otherwise the average of this year's months so far;</li>
 * <li>known extra inflows (approved dispatch, expected transfers) are added in their month.</li>
 * </ul>
 * 库款保障水平 = closing cash ÷ average monthly outflow of the last (up to) twelve actual months.
 */
public final class RunwayCalculator {

    public static final String METHOD = "三保需求按剩余月份均摊；流入、债务还本付息及其他支出按上年同月（无上年同月时按本年已过月份平均）；另加已批准调度及预计转移支付";
    private static final int MIN_MONTHS = 3;

    private final CashBand band;

    public RunwayCalculator(CashBand band) {
        this.band = band;
    }

    public CashBand band() { return band; }

    public RunwayProjection project(RunwayInput in) {
        Map<YearMonth, CashMonth> byMonth = new HashMap<>();
        for (CashMonth m : in.history()) byMonth.put(m.month(), m);
        CashMonth last = byMonth.get(in.base());
        if (last == null) throw new IllegalArgumentException(in.unitCode() + " 缺少 " + in.base() + " 的库款数据，无法预测");
        List<CashMonth> thisYear = in.history().stream()
                .filter(m -> m.month().getYear() == in.base().getYear() && !m.month().isAfter(in.base())).toList();
        List<CashMonth> window = in.history().stream()
                .filter(m -> !m.month().isAfter(in.base()) && m.month().isAfter(in.base().minusMonths(12))).toList();
        BigDecimal avgOut = mean(window.stream().map(CashMonth::outflow).toList());
        BigDecimal monthlyNeed = in.annualSanbaoNeed().divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
        BigDecimal avgIn = mean(thisYear.stream().map(CashMonth::inflow).toList());
        BigDecimal avgDebt = mean(thisYear.stream().map(m -> nz(m.debtPaid())).toList());
        BigDecimal avgOther = mean(thisYear.stream().map(m -> other(m, monthlyNeed)).toList());

        int remaining = 12 - in.base().getMonthValue();
        int horizon = Math.max(remaining, MIN_MONTHS);
        BigDecimal unpaid = in.annualSanbaoNeed().subtract(nz(in.sanbaoPaidToDate())).max(BigDecimal.ZERO);
        BigDecimal evenShare = remaining == 0 ? BigDecimal.ZERO : unpaid.divide(BigDecimal.valueOf(remaining), 2, RoundingMode.HALF_UP);

        List<RunwayProjection.Month> months = new ArrayList<>();
        BigDecimal cash = last.balance();
        BigDecimal sanbaoSoFar = BigDecimal.ZERO;
        YearMonth crossing = null;
        for (int i = 1; i <= horizon; i++) {
            YearMonth ym = in.base().plusMonths(i);
            BigDecimal sanbao;
            if (i <= remaining) {
                sanbao = i == remaining ? unpaid.subtract(sanbaoSoFar) : evenShare;
                sanbaoSoFar = sanbaoSoFar.add(sanbao);
            } else {
                sanbao = monthlyNeed;
            }
            CashMonth same = byMonth.get(ym.minusYears(1));
            BigDecimal inflow = same != null ? same.inflow() : avgIn;
            BigDecimal debt = same != null ? nz(same.debtPaid()) : avgDebt;
            BigDecimal other = same != null ? other(same, monthlyNeed) : avgOther;
            BigDecimal extra = in.extraInflows().getOrDefault(ym, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
            BigDecimal closing = cash.add(inflow).add(extra).subtract(sanbao).subtract(debt).subtract(other);
            BigDecimal level = level(closing, avgOut);
            months.add(new RunwayProjection.Month(ym, cash, inflow, extra, sanbao, debt, other, closing, level));
            if (crossing == null && level != null && level.compareTo(band.low()) < 0) crossing = ym;
            cash = closing;
        }
        return new RunwayProjection(in.unitCode(), in.base(), last.balance(), avgOut, level(last.balance(), avgOut),
                months, crossing, METHOD);
    }

    /** Outflow that is neither 三保 nor debt service; without a 三保 figure the monthly need stands in for it. */
    private static BigDecimal other(CashMonth m, BigDecimal monthlyNeed) {
        BigDecimal sanbao = m.sanbaoPaid() != null ? m.sanbaoPaid() : monthlyNeed;
        return m.outflow().subtract(sanbao).subtract(nz(m.debtPaid())).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal level(BigDecimal cash, BigDecimal avgOut) {
        if (avgOut == null || avgOut.signum() <= 0) return null;
        return cash.divide(avgOut, 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        if (values.isEmpty()) return BigDecimal.ZERO.setScale(2);
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal nz(BigDecimal v) { return v == null ? BigDecimal.ZERO : v; }
}
