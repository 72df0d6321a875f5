package cn.sanbao.projects.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import cn.sanbao.kernel.Money;

/** 不留硬缺口: a list item that has projects must be funded at least to its demand. */
@Component
@Order(10)
public class HardGapRule implements ReviewRule {

    @Override public String code() { return "HARD_GAP"; }

    @Override public String name() { return "清单项目安排低于需求（硬缺口）"; }

    @Override
    public List<Finding> check(ReviewContext c) {
        List<Finding> findings = new ArrayList<>();
        c.demandByItem().forEach((item, demand) -> {
            if (!c.hasProjectFor(item)) return; // no project at all is UnfundedDemandRule's finding
            BigDecimal funded = c.fundedFor(item);
            BigDecimal gap = demand.subtract(funded);
            if (gap.signum() > 0)
                findings.add(new Finding(code(), name(), c.unitCode(), item, null, gap,
                        c.itemName(item) + "需求 " + Money.wan(demand) + " 万元，项目安排 " + Money.wan(funded)
                                + " 万元，缺口 " + Money.wan(gap) + " 万元"));
        });
        return findings;
    }
}
