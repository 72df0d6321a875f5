package cn.sanbao.projects.review;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import cn.sanbao.projects.library.Project;

/** A 三保-tagged project must name the list item it funds, or it cannot be traced to a demand. */
@Component
@Order(30)
public class UntaggedItemRule implements ReviewRule {

    @Override public String code() { return "NO_LIST_ITEM"; }

    @Override public String name() { return "三保项目未对应清单项目"; }

    @Override
    public List<Finding> check(ReviewContext c) {
        return c.projects().stream().filter(p -> p.tag().isSanbao() && p.itemCode() == null)
                .map(p -> finding(c, p)).toList();
    }

    private Finding finding(ReviewContext c, Project p) {
        return new Finding(code(), name(), c.unitCode(), null, p.code(), p.amount(),
                "项目“" + p.name() + "”标识为" + p.tag().label() + "，但未对应保障清单项目");
    }
}
