package cn.sanbao.decision.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import cn.sanbao.decision.affordability.AffordabilityService;
import cn.sanbao.decision.affordability.Proposal;
import cn.sanbao.decision.allocation.AllocationService;
import cn.sanbao.decision.dispatch.DispatchPlan;
import cn.sanbao.decision.dispatch.DispatchService;
import cn.sanbao.demo.DemoDataGenerator;
import cn.sanbao.kernel.Period;

/**
 * Demo mode, first start, after the demo facts (10) and the guarantee list (30): an approved dispatch plan
 * for December that covers every unit the runway flags, two saved weightings, and an affordability case
 * (其他基本民生支出人均定额 1,400 → 2,200 元) that pushes at least one unit to 中度风险.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "sanbao.demo.enabled", havingValue = "true")
public class DecisionDemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DecisionDemoLoader.class);
    static final String ACTOR = "demo";
    public static final YearMonth BASE = YearMonth.of(DemoDataGenerator.YEAR, 12);
    public static final String CASE_NAME = "其他基本民生支出人均定额提至 3000 元（示例）";
    private static final BigDecimal WAN = cn.sanbao.kernel.Money.YUAN_PER_WAN;

    private final DispatchService dispatch;
    private final AllocationService allocation;
    private final AffordabilityService affordability;

    public DecisionDemoLoader(DispatchService dispatch, AllocationService allocation, AffordabilityService affordability) {
        this.dispatch = dispatch;
        this.allocation = allocation;
        this.affordability = affordability;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!dispatch.plans().isEmpty() || !affordability.cases().isEmpty()) return;
        load();
    }

    /** Creates the examples; returns the approved plan (null when the runway flags nobody). */
    public DispatchPlan load() {
        DispatchPlan plan = null;
        BigDecimal need = dispatch.shortfalls(BASE).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (need.signum() > 0) {
            // a pool of about 120 % of the need with about 20 % kept back: every flagged unit is covered in full
            BigDecimal pool = need.multiply(new BigDecimal("1.2")).divide(WAN, 0, RoundingMode.CEILING).multiply(WAN);
            BigDecimal floor = need.multiply(new BigDecimal("0.2")).divide(WAN, 0, RoundingMode.FLOOR).multiply(WAN);
            plan = dispatch.propose(BASE, pool, floor, Map.of(), ACTOR);
            plan = dispatch.approve(plan.id(), ACTOR);
        }
        allocation.save("均衡方案", "GAP=0.4;POPULATION=0.3;DIFFICULTY=0.2;PERFORMANCE=0.1", ACTOR);
        allocation.save("缺口优先", "GAP=0.7;POPULATION=0.1;DIFFICULTY=0.2;PERFORMANCE=0", ACTOR);
        affordability.save(CASE_NAME, new Proposal("L10", new BigDecimal("3000"), YearMonth.of(DemoDataGenerator.YEAR, 1),
                new BigDecimal("0.02")), Period.month(DemoDataGenerator.YEAR, 12), ACTOR);
        log.info("决策支持示例已加载：调度方案 {}，权重方案 2 个，可承受能力测算 1 个", plan == null ? "无" : "#" + plan.id());
        return plan;
    }
}
