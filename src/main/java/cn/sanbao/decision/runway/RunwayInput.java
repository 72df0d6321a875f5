package cn.sanbao.decision.runway;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * What the runway projection of one unit reads.
 *
 * @param history          actual months up to and including the base month, oldest first (any years)
 * @param base             the last actual month; the projection starts the month after
 * @param annualSanbaoNeed 三保 annual demand of the base year (demand_wage + demand_operation + demand_livelihood)
 * @param sanbaoPaidToDate 三保 paid from January to the base month
 * @param extraInflows     known extra inflows by month: approved dispatch amounts, expected transfers
 */
public record RunwayInput(String unitCode, YearMonth base, List<CashMonth> history, BigDecimal annualSanbaoNeed,
                          BigDecimal sanbaoPaidToDate, Map<YearMonth, BigDecimal> extraInflows) {

    public RunwayInput {
        history = List.copyOf(history);
        extraInflows = Map.copyOf(extraInflows);
    }
}
