package cn.sanbao.intake;

import cn.sanbao.kernel.Period;
import cn.sanbao.facts.DataItem;
import cn.sanbao.facts.DataItemRepository;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.facts.ItemNature;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.facts.FactValidator;
import cn.sanbao.facts.ValidFacts;
import cn.sanbao.region.RegionTree;
import cn.sanbao.kernel.Money;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Intake's checks around {@link FactValidator} (which holds the rules of a figure and their messages):
 * the file's period is the chosen one and not in the future, the user may report each unit, a unit
 * appears once, and to-date figures do not fall. Every problem is collected at its file, row and column.
 */
@Component
public class SubmissionValidator {

    private final FactValidator rules;
    private final RegionTree regions;
    private final DataItemRepository catalogue;
    private final FactRepository facts;
    private final ReportingPeriods periods;

    public SubmissionValidator(FactValidator rules, RegionTree regions, DataItemRepository catalogue, FactRepository facts, ReportingPeriods periods) {
        this.rules = rules;
        this.regions = regions;
        this.catalogue = catalogue;
        this.facts = facts;
        this.periods = periods;
    }

    /** Values in 元 ready for {@link FactRepository#createRevision}; throws with all problems otherwise. */
    public ValidFacts validate(Submission s, Period chosen, Predicate<String> mayReport) {
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
        List<FactValidator.Offered<Location>> offered = new ArrayList<>();
        for (Submission.UnitRow row : s.rows()) {
            String unitProblem = rules.unitProblem(row.unitCode());
            if (unitProblem != null) {
                problems.add(Finding.at(file, row.at(), unitProblem));
                continue;
            }
            if (!mayReport.test(row.unitCode())) {
                problems.add(Finding.at(file, row.at(), "无权报送 " + regions.unit(row.unitCode()).orElseThrow().name() + "（" + row.unitCode()
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
                offered.add(new FactValidator.Offered<>(e.at(), row.unitCode(), period == null ? null : period.code(), e.itemCode(),
                        e.value(), s.unit() == null ? null : s.unit().label(), s.unit() == null ? null : s.unit().toYuan(BigDecimal.ONE)));
            }
        }
        FactValidator.Result<Location> checked = rules.check(offered);
        for (FactValidator.Problem<Location> p : checked.problems()) {
            boolean nothing = FactValidator.NOTHING.equals(p.reason());
            if (!nothing) problems.add(Finding.at(file, p.at(), p.reason()));
            else if (problems.isEmpty()) problems.add(Finding.at(file, null, "没有填写任何数值，文件未保存"));
        }
        if (period != null) toDateRule(file, period, checked.passed(), problems);
        if (!problems.isEmpty()) throw new IntakeRejectedException(problems);
        return checked.valid();
    }

    /** A to-date figure never falls below the previous period's stored figure of the same fiscal year. */
    private void toDateRule(String file, Period period, List<FactValidator.Passed<Location>> passed, List<Finding> problems) {
        if (period.type() == Period.Type.YEAR) return;
        Period prev = period.previous();
        if (prev.year() != period.year()) return;
        Map<String, BigDecimal> before = new HashMap<>();
        for (ResolvedFact f : facts.current(List.of(prev.code()), null)) before.put(f.unitCode() + "|" + f.itemCode(), f.amount());
        String prevName = period.type() == Period.Type.MONTH ? "上月" : "上周";
        for (FactValidator.Passed<Location> p : passed) {
            FactValue v = p.value();
            DataItem item = catalogue.item(v.itemCode()).orElseThrow();
            if (item.nature() != ItemNature.TO_DATE) continue;
            BigDecimal old = before.get(v.unitCode() + "|" + item.code());
            if (old != null && v.amount().compareTo(old) < 0) {
                problems.add(Finding.at(file, p.at(), item.name() + "是累计数，累计数不能小于" + prevName
                        + "（" + prev.label() + "已报 " + Money.wan(old) + " 万元，本次 " + Money.wan(v.amount()) + " 万元）"));
            }
        }
    }
}
