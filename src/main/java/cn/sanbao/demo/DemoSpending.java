package cn.sanbao.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactValue;
import cn.sanbao.intake.DerivedPaymentItems;
import cn.sanbao.intake.PaymentClass;
import cn.sanbao.intake.PillarClassifier;
import cn.sanbao.intake.SpendingMark;
import cn.sanbao.projects.demo.DemoProjects;
import cn.sanbao.projects.library.Project;

/**
 * The demo's spending-discipline story. Two units break 「两个支出」优先 in the months their cash is tight: they
 * pay their non-三保 project (农村人居环境整治) three times the usual pace. Units with 直达资金 (衔接推进乡村振兴补助
 * 资金) receive it shortly before they pay it, except two that leave it idle (pay a quarter of the usual pace
 * while the money arrives on schedule). Paid figures always come from the generated payment detail.
 */
final class DemoSpending {

    /** unit → months in which it spends ahead on 非三保. */
    static final Map<String, Set<Integer>> BREAKERS = Map.of(
            DemoDataGenerator.ARREARS_UNIT, Set.of(2, 3, 4),
            DemoDataGenerator.LOW_CASH_UNIT, Set.of(1, 2, 3));
    /** The items this story produces (made from the payment detail or alongside it), left out of the demo facts. */
    static final Set<String> ITEMS = Set.of("budget_non_priority", "paid_non_priority", "paid_debt_service", "direct_allocated",
            "direct_arrived", "direct_paid");
    static final Set<String> IDLE_UNITS = Set.of("640423", "640425");
    static final double AHEAD_PACE = 3.0, IDLE_PACE = 0.25;
    /** Funds arrive this share of the allocation ahead of payment (normal units). */
    static final BigDecimal FLOAT = new BigDecimal("0.15");

    private final int year;
    private final Map<String, List<Project>> projects;
    private final PillarClassifier classifier;
    private final Map<String, BigDecimal> toDate = new HashMap<>();

    DemoSpending(int year, Map<String, List<Project>> projects, PillarClassifier classifier) {
        this.year = year;
        this.projects = projects;
        this.classifier = classifier;
    }

    /** budget_non_priority of each unit: its projects the 三保科目配置 classifies 非三保. */
    List<FactValue> annual() {
        List<FactValue> out = new ArrayList<>();
        projects.forEach((unit, list) -> {
            BigDecimal sum = list.stream().filter(p -> classifier.classify(p.economicCode(), p.functionCode()) == PaymentClass.NONE)
                    .map(Project::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.signum() > 0) out.add(new FactValue(unit, String.valueOf(year), "budget_non_priority", sum.setScale(2)));
        });
        return out;
    }

    /** project code → pace of the unit's uncounted projects in the month. */
    Map<String, Double> pace(String unit, int month) {
        Map<String, Double> out = new HashMap<>();
        if (BREAKERS.getOrDefault(unit, Set.of()).contains(month)) out.put(DemoProjects.code(unit, year, "X01"), AHEAD_PACE);
        if (IDLE_UNITS.contains(unit)) out.put(DemoProjects.code(unit, year, DemoProjects.DIRECT_FUND_SUFFIX), IDLE_PACE);
        return out;
    }

    /** The month's to-date derived items from the month's payment sums, plus 直达资金 allocated and arrived. */
    List<FactValue> month(Period month, Map<String, Map<String, BigDecimal>> monthSums) {
        List<FactValue> out = new ArrayList<>(DerivedPaymentItems.toDate(month, monthSums, toDate));
        for (FactValue v : List.copyOf(out)) toDate.put(v.unitCode() + "|" + v.itemCode(), v.amount());
        for (String unit : monthSums.keySet()) {
            BigDecimal allocation = directAllocation(unit);
            if (allocation == null) continue;
            BigDecimal paid = toDate.getOrDefault(unit + "|" + SpendingMark.DIRECT_FUND.itemCode(), BigDecimal.ZERO);
            BigDecimal schedule = allocation.multiply(BigDecimal.valueOf(Math.min(1.0, 0.5 + 0.1 * (month.number() - 1))));
            BigDecimal arrived = IDLE_UNITS.contains(unit) ? schedule : paid.add(allocation.multiply(FLOAT));
            arrived = arrived.min(allocation).max(paid).setScale(2, java.math.RoundingMode.HALF_UP);
            BigDecimal allocated = allocation.multiply(BigDecimal.valueOf(Math.min(1.0, 0.6 + 0.1 * (month.number() - 1))))
                    .max(arrived).setScale(2, java.math.RoundingMode.HALF_UP);
            out.add(new FactValue(unit, month.code(), "direct_allocated", allocated));
            out.add(new FactValue(unit, month.code(), "direct_arrived", arrived));
        }
        return out;
    }

    /** The unit's 直达资金 project budget, or null when it has none. */
    private BigDecimal directAllocation(String unit) {
        return projects.getOrDefault(unit, List.of()).stream()
                .filter(p -> p.code().endsWith("-" + DemoProjects.DIRECT_FUND_SUFFIX)).map(Project::amount).findFirst().orElse(null);
    }
}
