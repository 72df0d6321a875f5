package cn.sanbao.projects.review;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import cn.sanbao.kernel.Money;

/** A list item with demand but no project at all: the whole demand is unfunded. */
@Component
@Order(20)
public class UnfundedDemandRule implements ReviewRule {

    @Override public String code() { return "UNFUNDED_DEMAND"; }

    @Override public String name() { return "有需求无项目"; }

    @Override
    public List<Finding> check(ReviewContext c) {
        List<Finding> findings = new ArrayList<>();
        c.demandByItem().forEach((item, demand) -> {
            if (demand.signum() > 0 && !c.hasProjectFor(item))
                findings.add(new Finding(code(), name(), c.unitCode(), item, null, demand,
                        c.itemName(item) + "测算需求 " + Money.wan(demand) + " 万元，项目库中没有对应项目"));
        });
        return findings;
    }
}
