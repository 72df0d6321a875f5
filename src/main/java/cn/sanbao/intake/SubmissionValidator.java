package cn.sanbao.intake;

import cn.sanbao.kernel.Period;
import cn.sanbao.facts.DataItem;
import cn.sanbao.facts.DataItemRepository;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.facts.ItemNature;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.kernel.Money;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Business rules every submission (file or push) must pass before anything is stored. Collects every
 * problem; converts stated units to 元 exactly.
 */
@Component
public class SubmissionValidator {

    private static final int MAX_INTEGER_DIGITS = 18; // numeric(20, 2)

    private final RegionTree regions;
    private final DataItemRepository catalogue;
    private final FactRepository facts;
    private final ReportingPeriods periods;

    public SubmissionValidator(RegionTree regions, DataItemRepository catalogue, FactRepository facts, ReportingPeriods periods) {
        this.regions = regions;
        this.catalogue = catalogue;
        this.facts = facts;
        this.periods = periods;
    }

    /** Values in 元 ready for {@link FactRepository#createRevision}; throws with all problems otherwise. */
    public List<FactValue> validate(Submission s, Period chosen, Predicate<String> mayReport) {
        String file = s.fileName();
        List<Finding> problems = new ArrayList<>(s.problems());
        Period period = s.period();
        if (period != null && chosen != null && !period.equals(chosen)) {
            problems.add(Finding.at(file, s.periodAt(), "文件中的期间 " + period.code() + "（" + period.label()
                    + "）与上传时选择的期间 " + chosen.code() + "（" + chosen.label() + "）不一致"));
        }
        String future = periods.problem(period);
        if (future != null) problems.add(Finding.at(file, s.periodAt(), future));
        Map<String, Location> firstRow = new HashMap<>();
        List<Checked> checked = new ArrayList<>();
        for (Submission.UnitRow row : s.rows()) {
            Optional<FiscalUnit> unit = regions.unit(row.unitCode());
            if (unit.isEmpty()) {
                problems.add(Finding.at(file, row.at(), "未知的单位代码“" + row.unitCode() + "”"));
                continue;
            }
            if (unit.get().isConsolidated()) {
                problems.add(Finding.at(file, row.at(), unit.get().name() + "（" + row.unitCode()
                        + "）是汇总单位，其数据由所属单位加总得出，不需要也不能填报"));
                continue;
            }
            if (!mayReport.test(row.unitCode())) {
                problems.add(Finding.at(file, row.at(), "无权报送 " + unit.get().name() + "（" + row.unitCode()
                        + "）的数据：只能报送本单位（及下辖单位）的数据"));
                continue;
            }
            Location first = firstRow.putIfAbsent(row.unitCode(), row.at());
            if (first != null) {
                problems.add(Finding.at(file, row.at(), "单位 " + row.unitCode() + " 重复出现（首次出现在"
                        + first.text() + "）"));
                continue;
            }
            for (Submission.Entry e : row.entries()) {
                BigDecimal yuan = convert(file, s, e, problems);
                if (yuan != null) checked.add(new Checked(row.unitCode(), e, yuan));
            }
        }
        if (period != null) toDateRule(file, period, checked, problems);
        if (problems.isEmpty() && checked.isEmpty()) problems.add(Finding.at(file, null, "没有填写任何数值，文件未保存"));
        if (!problems.isEmpty()) throw new IntakeRejectedException(problems);
        return checked.stream().map(c -> new FactValue(c.unit, period.code(), c.entry.itemCode(), c.yuan.setScale(2))).toList();
    }

    private record Checked(String unit, Submission.Entry entry, BigDecimal yuan) {
    }

    private BigDecimal convert(String file, Submission s, Submission.Entry e, List<Finding> problems) {
        Optional<DataItem> found = catalogue.item(e.itemCode());
        if (found.isEmpty()) {
            problems.add(Finding.at(file, e.at(), "未知的数据项“" + e.itemCode() + "”"));
            return null;
        }
        DataItem item = found.get();
        if (s.period() != null && !ItemSet.of(s.period()).includes(item)) {
            problems.add(Finding.at(file, e.at(), item.name() + "（" + item.code() + "）是" + item.frequency().label()
                    + "数据项，不能按" + s.period().label() + "报送"));
            return null;
        }
        BigDecimal v = e.value();
        if (item.nonNegative() && v.signum() < 0) {
            problems.add(Finding.at(file, e.at(), item.name() + "不能为负数：" + v.toPlainString()));
            return null;
        }
        if (!TemplateParser.isWholePersonCount(item, v)) {
            problems.add(Finding.at(file, e.at(), item.name() + "是人数，应为整数：" + v.toPlainString()));
            return null;
        }
        if (s.unit() == null) return null; // already reported
        BigDecimal yuan = item.unit() == cn.sanbao.facts.ItemUnit.YUAN ? s.unit().toYuan(v) : v;
        if (yuan.stripTrailingZeros().scale() > 2) {
            problems.add(Finding.at(file, e.at(), "“" + v.toPlainString() + "”" + s.unit().label()
                    + "换算为元后超过两位小数（金额须精确到分）"));
            return null;
        }
        if (yuan.precision() - yuan.scale() > MAX_INTEGER_DIGITS) {
            problems.add(Finding.at(file, e.at(), "数值过大（" + v.toPlainString() + s.unit().label()
                    + "），超出允许范围（最多 18 位整数元）"));
            return null;
        }
        return yuan;
    }

    /** A to-date figure never falls below the previous period's stored figure of the same fiscal year. */
    private void toDateRule(String file, Period period, List<Checked> checked, List<Finding> problems) {
        if (period.type() == Period.Type.YEAR) return;
        Period prev = period.previous();
        if (prev.year() != period.year()) return;
        Map<String, BigDecimal> before = new HashMap<>();
        for (ResolvedFact f : facts.current(List.of(prev.code()), null)) before.put(f.unitCode() + "|" + f.itemCode(), f.amount());
        String prevName = period.type() == Period.Type.MONTH ? "上月" : "上周";
        for (Checked c : checked) {
            DataItem item = catalogue.item(c.entry.itemCode()).orElseThrow();
            if (item.nature() != ItemNature.TO_DATE) continue;
            BigDecimal old = before.get(c.unit + "|" + item.code());
            if (old != null && c.yuan.compareTo(old) < 0) {
                problems.add(Finding.at(file, c.entry.at(), item.name() + "是累计数，累计数不能小于" + prevName
                        + "（" + prev.label() + "已报 " + Money.wan(old) + " 万元，本次 " + Money.wan(c.yuan) + " 万元）"));
            }
        }
    }
}
