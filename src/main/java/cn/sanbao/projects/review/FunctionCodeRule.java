package cn.sanbao.projects.review;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import cn.sanbao.projects.library.Project;
import cn.sanbao.projects.list.GuaranteeItem;

/** The functional classification code must be one the list item allows (prefix match). */
@Component
@Order(50)
public class FunctionCodeRule implements ReviewRule {

    @Override public String code() { return "FUNCTION_CODE"; }

    @Override public String name() { return "功能分类与清单项目不符"; }

    @Override
    public List<Finding> check(ReviewContext c) {
        List<Finding> findings = new ArrayList<>();
        for (Project p : c.projects()) {
            GuaranteeItem item = p.itemCode() == null ? null : c.items().get(p.itemCode());
            if (item == null || item.allowsFunctionCode(p.functionCode())) continue;
            findings.add(new Finding(code(), name(), c.unitCode(), item.code(), p.code(), p.amount(),
                    "项目“" + p.name() + "”功能分类 " + p.functionCode() + " 不属于清单项目“" + item.name()
                            + "”允许的科目（" + String.join("、", item.functionPrefixes()) + "）"));
        }
        return findings;
    }
}
