package cn.sanbao.decision.dispatch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.decision.runway.RunwayProjection;
import cn.sanbao.decision.runway.RunwayService;
import cn.sanbao.kernel.Money;

/**
 * Proposes dispatch plans from the runway (shortfall = cash needed in the next three months to stay at the
 * lower edge of the safe band), lets the analyst adjust and approve them, and feeds approved amounts into
 * the projection of the following month (through {@link DispatchRepository#inflowsKnownAt}).
 */
@Service
public class DispatchService {

    public static final int MONTHS_AHEAD = 3;

    private final DispatchRepository plans;
    private final RunwayService runway;
    private final AuditLog audit;
    private final Clock clock;

    public DispatchService(DispatchRepository plans, RunwayService runway, AuditLog audit, ObjectProvider<Clock> clock) {
        this.plans = plans;
        this.runway = runway;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** Shortfalls of every unit that needs cash within three months of the base month, region order. */
    public Map<String, BigDecimal> shortfalls(YearMonth base) {
        Map<String, BigDecimal> out = new java.util.LinkedHashMap<>();
        for (RunwayProjection p : runway.projectAll(base, u -> true)) {
            BigDecimal s = p.shortfall(runway.band().low(), MONTHS_AHEAD);
            if (s.signum() > 0) out.put(p.unitCode(), s);
        }
        return out;
    }

    /** A new draft plan with every unit's cap at {@code capRatio} × its shortfall (1 = never more than it needs). */
    @Transactional
    public DispatchPlan propose(YearMonth base, BigDecimal pool, BigDecimal floor, BigDecimal capRatio, String actor) {
        if (capRatio.compareTo(BigDecimal.ONE) < 0) throw new IllegalArgumentException("调度上限倍数不能小于 1（上限不低于缺口）");
        Map<String, BigDecimal> caps = new java.util.HashMap<>();
        shortfalls(base).forEach((u, s) -> caps.put(u, s.multiply(capRatio).setScale(2, RoundingMode.DOWN)));
        return propose(base, pool, floor, caps, actor);
    }

    /** A new draft plan; caps default to the shortfall (a unit is never given more than it needs unless raised). */
    @Transactional
    public DispatchPlan propose(YearMonth base, BigDecimal pool, BigDecimal floor, Map<String, BigDecimal> caps, String actor) {
        Map<String, BigDecimal> shortfalls = shortfalls(base);
        if (shortfalls.isEmpty())
            throw new IllegalArgumentException("以 " + base + " 为基准的库款预测中，没有单位在三个月内低于安全线，无需调度");
        List<MaxMinAllocator.Claim> claims = new ArrayList<>();
        shortfalls.forEach((u, s) -> claims.add(new MaxMinAllocator.Claim(u, s, caps.getOrDefault(u, s))));
        MaxMinAllocator.Result r = MaxMinAllocator.allocate(pool.setScale(2, RoundingMode.HALF_UP), floor.setScale(2, RoundingMode.HALF_UP), claims, 2);
        long id = plans.insertPlan(base, r.pool(), r.floor(), "统一覆盖率 " + percent(r.waterLevel()), actor, now());
        for (MaxMinAllocator.Share s : r.shares()) plans.insertLine(id, s, explain(s, r.waterLevel()));
        audit.record(actor, "DISPATCH_PROPOSE", "调度方案 #" + id, base + " 资金池 " + Money.wan(r.pool()) + " 万元，留存 "
                + Money.wan(r.floor()) + " 万元，" + r.shares().size() + " 个单位，分配 " + Money.wan(r.allocated()) + " 万元");
        return plan(id);
    }

    /** Analyst's amounts replace the proposal; each must be 0 or more, and the total may not exceed pool − floor. */
    @Transactional
    public DispatchPlan adjust(long id, Map<String, BigDecimal> amounts, String actor) {
        DispatchPlan plan = requireDraft(id);
        List<String> problems = new ArrayList<>();
        Map<String, BigDecimal> next = new HashMap<>();
        for (DispatchPlan.Line l : plan.lines()) {
            BigDecimal a = amounts.getOrDefault(l.unitCode(), l.amount());
            if (a.signum() < 0) problems.add(l.unitCode() + "：调度金额不能为负数");
            if (a.stripTrailingZeros().scale() > 2) problems.add(l.unitCode() + "：调度金额最多两位小数（分）");
            next.put(l.unitCode(), a.setScale(2, RoundingMode.HALF_UP));
        }
        for (String u : amounts.keySet()) if (!next.containsKey(u)) problems.add(u + "：不在本方案中");
        BigDecimal total = next.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(plan.distributable()) > 0)
            problems.add("调整后合计 " + total.toPlainString() + " 元超过可分配额（资金池减区级留存）" + plan.distributable().toPlainString() + " 元");
        if (!problems.isEmpty()) throw new IllegalArgumentException("调度方案 #" + id + " 未保存：" + String.join("；", problems));
        lockDraft(id);
        List<String> changes = new ArrayList<>();
        for (DispatchPlan.Line l : plan.lines()) {
            BigDecimal a = next.get(l.unitCode());
            if (a.compareTo(l.amount()) == 0) continue;
            plans.updateAmount(id, l.unitCode(), a);
            changes.add(l.unitCode() + " " + l.amount().toPlainString() + " → " + a.toPlainString());
        }
        audit.record(actor, "DISPATCH_ADJUST", plan.label(), changes.isEmpty() ? "无变化" : String.join("；", changes));
        return plan(id);
    }

    @Transactional
    public DispatchPlan approve(long id, String actor) {
        DispatchPlan plan = requireDraft(id);
        lockDraft(id);
        plans.markApproved(id, actor, now());
        audit.record(actor, "DISPATCH_APPROVE", plan.label(), "批准调度 " + Money.wan(plan.total()) + " 万元，" + plan.arrivalMonth() + " 到账");
        return plan(id);
    }

    /** Locks the plan row while it is still a draft, so an adjustment and an approval cannot both pass at once. */
    private void lockDraft(long id) {
        if (!plans.lockDraft(id)) throw new IllegalArgumentException("调度方案 #" + id + " 已批准，不能再修改或批准");
    }

    public DispatchPlan plan(long id) {
        return plans.find(id).orElseThrow(() -> new NoSuchElementException("调度方案 #" + id + " 不存在"));
    }

    public List<DispatchPlan> plans() { return plans.findAll(); }

    static String explain(MaxMinAllocator.Share s, BigDecimal level) {
        return switch (s.reason()) {
            case NO_SHORTFALL -> "未来三个月库款不低于安全线，无需调度";
            case CAPPED -> "缺口 " + Money.wan(s.shortfall()) + " 万元，已达调度上限 " + Money.wan(s.cap()) + " 万元，覆盖 " + percent(s.coverage());
            case LEVEL -> "缺口 " + Money.wan(s.shortfall()) + " 万元，按统一覆盖率 " + percent(level) + " 分配 "
                    + Money.wan(s.amount()) + " 万元（尾差按分补给覆盖率最低的单位）";
        };
    }

    static String percent(BigDecimal ratio) {
        return ratio == null ? "—（各单位均按上限分配）" : ratio.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private DispatchPlan requireDraft(long id) {
        DispatchPlan p = plan(id);
        if (p.approved()) throw new IllegalArgumentException(p.label() + " 已批准，不能再修改");
        return p;
    }

    private LocalDateTime now() { return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS); }
}
