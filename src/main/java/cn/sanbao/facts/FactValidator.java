package cn.sanbao.facts;

import cn.sanbao.kernel.Period;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one set of rules a reported figure must pass before it is stored, with the one set of messages
 * users see. Intake (upload, push API) and connectors locate each figure (file, row, column) and get
 * the problems back at those locations; {@link FactRepository} only stores what passed here.
 */
@Component
public class FactValidator {

    private static final int MAX_INTEGER_DIGITS = 18; // numeric(20, 2)

    /** Reason given when nothing was offered (located nowhere). */
    public static final String NOTHING = "没有填写任何数值，数据未保存";

    private final RegionTree regions;
    private final DataItemRepository items;

    public FactValidator(RegionTree regions, DataItemRepository items) {
        this.regions = regions;
        this.items = items;
    }

    /**
     * One figure as the person wrote it: {@code stated} in {@code statedUnit} (e.g. "万元"), which is
     * {@code yuanPerUnit} 元 each. {@code yuanPerUnit} or {@code period} null: the reader could not read the
     * amount unit or the period and has reported that, so the checks needing them are skipped.
     */
    public record Offered<L>(L at, String unitCode, String period, String itemCode, BigDecimal stated,
                             String statedUnit, BigDecimal yuanPerUnit) {

        /** A figure already in 元. */
        public static <L> Offered<L> yuan(L at, FactValue v) {
            return new Offered<>(at, v.unitCode(), v.period(), v.itemCode(), v.amount(), "元", BigDecimal.ONE);
        }
    }

    /** Why one offered figure cannot be stored. */
    public record Problem<L>(L at, String reason) {
    }

    /** One figure that passed, in 元, at its location. */
    public record Passed<L>(L at, FactValue value) {
    }

    /**
     * Either every figure passed ({@link #valid()} not null) or the problems at their locations; {@code passed}
     * lists the figures that passed either way, so a caller can apply its own rules to them too.
     */
    public record Result<L>(ValidFacts valid, List<Passed<L>> passed, List<Problem<L>> problems) {
        public boolean ok() { return problems.isEmpty(); }
    }

    /** Null when the unit may report figures; otherwise why not. */
    public String unitProblem(String unitCode) {
        Optional<FiscalUnit> unit = unitCode == null ? Optional.empty() : regions.unit(unitCode);
        if (unit.isEmpty()) return "未知的单位代码“" + unitCode + "”";
        if (unit.get().isConsolidated()) {
            return unit.get().name() + "（" + unitCode + "）是汇总单位，其数据由所属单位加总得出，不需要也不能填报";
        }
        return null;
    }

    /** Checks every figure; all problems are collected, nothing is stored here. */
    public <L> Result<L> check(Collection<Offered<L>> offered) {
        List<Problem<L>> problems = new ArrayList<>();
        List<Passed<L>> passed = new ArrayList<>(offered.size());
        Set<String> cells = new HashSet<>();
        Set<String> badUnits = new HashSet<>();
        for (Offered<L> o : offered) {
            String unitProblem = unitProblem(o.unitCode());
            if (unitProblem != null) {
                if (badUnits.add(String.valueOf(o.unitCode()))) problems.add(new Problem<>(o.at(), unitProblem));
                continue;
            }
            String reason = valueProblem(o);
            if (reason != null) {
                problems.add(new Problem<>(o.at(), reason));
                continue;
            }
            if (o.yuanPerUnit() == null || o.period() == null) continue; // unit or period unreadable: reported by the reader
            Period period = Period.parse(o.period());
            if (!cells.add(o.unitCode() + "|" + period.code() + "|" + o.itemCode())) {
                problems.add(new Problem<>(o.at(), "同一单位、期间、数据项在本次数据中重复出现"));
                continue;
            }
            passed.add(new Passed<>(o.at(), new FactValue(o.unitCode(), period.code(), o.itemCode(), yuan(o, item(o)).setScale(2))));
        }
        if (problems.isEmpty() && passed.isEmpty()) problems.add(new Problem<>(null, NOTHING));
        ValidFacts valid = problems.isEmpty() ? new ValidFacts(passed.stream().map(Passed::value).toList()) : null;
        return new Result<>(valid, List.copyOf(passed), List.copyOf(problems));
    }

    /** Figures already in 元 from a program (demo data, demand estimation, payment sums): throws on any problem. */
    public ValidFacts require(Collection<FactValue> values) {
        if (values == null || values.isEmpty()) throw new InvalidFactsException(List.of("没有可保存的数据"));
        for (FactValue v : values) if (v.period() == null) throw new InvalidFactsException(List.of("数值缺少期间：" + v));
        Result<FactValue> r = check(values.stream().map(v -> Offered.yuan(v, v)).toList());
        if (r.ok()) return r.valid();
        throw new InvalidFactsException(r.problems().stream().map(p -> p.at() == null ? p.reason()
                : "“" + p.at().unitCode() + " / " + p.at().period() + " / " + p.at().itemCode() + "”：" + p.reason()).toList());
    }

    private DataItem item(Offered<?> o) { return items.item(o.itemCode()).orElseThrow(); }

    private static BigDecimal yuan(Offered<?> o, DataItem item) {
        return item.unit() == ItemUnit.YUAN ? o.stated().multiply(o.yuanPerUnit()) : o.stated();
    }

    private String valueProblem(Offered<?> o) {
        Optional<DataItem> found = o.itemCode() == null ? Optional.empty() : items.item(o.itemCode());
        if (found.isEmpty()) return "未知的数据项“" + o.itemCode() + "”";
        DataItem item = found.get();
        Period period = parsePeriod(o.period());
        if (period == null && o.period() != null) return "无法识别的期间“" + o.period() + "”";
        if (period != null && !item.frequency().accepts(period.type())) {
            return item.name() + "（" + item.code() + "）是" + item.frequency().label() + "数据项，不能按" + period.label() + "报送";
        }
        BigDecimal v = o.stated();
        if (v == null) return item.name() + "的数值为空";
        if (item.nonNegative() && v.signum() < 0) return item.name() + "不能为负数：" + v.toPlainString();
        if (item.unit() == ItemUnit.PERSON && v.stripTrailingZeros().scale() > 0) {
            return item.name() + "是人数，应为整数：" + v.toPlainString();
        }
        if (o.yuanPerUnit() == null) return null;
        BigDecimal yuan = yuan(o, item);
        if (yuan.stripTrailingZeros().scale() > 2) {
            return "“" + v.toPlainString() + "”" + o.statedUnit()
                    + ("元".equals(o.statedUnit()) ? "超过两位小数（金额须精确到分）" : "换算为元后超过两位小数（金额须精确到分）");
        }
        if (yuan.precision() - yuan.scale() > MAX_INTEGER_DIGITS) {
            return "数值过大（" + v.toPlainString() + o.statedUnit() + "），超出允许范围（最多 18 位整数元）";
        }
        return null;
    }

    private static Period parsePeriod(String code) {
        try {
            return code == null ? null : Period.parse(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
