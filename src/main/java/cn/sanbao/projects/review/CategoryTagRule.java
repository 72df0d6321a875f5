package cn.sanbao.projects.review;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import cn.sanbao.projects.library.Category;
import cn.sanbao.projects.library.Project;
import cn.sanbao.projects.library.SanbaoTag;
import cn.sanbao.projects.list.GuaranteeItem;

/**
 * 需求数校验规则: the tag must agree with category, economic code and list item. A 人员类 project whose
 * economic code is 工资福利支出 (301xx) must be 保工资; a 运转类 project must not be 保工资; a project's
 * tag must be the pillar of the list item it names.
 */
@Component
@Order(40)
public class CategoryTagRule implements ReviewRule {

    static final String WAGE_ECONOMIC_PREFIX = "301";

    @Override public String code() { return "CATEGORY_TAG"; }

    @Override public String name() { return "项目类别与三保标识不一致"; }

    @Override
    public List<Finding> check(ReviewContext c) {
        List<Finding> findings = new ArrayList<>();
        for (Project p : c.projects()) {
            String reason = null;
            if (p.category() == Category.PERSONNEL && p.economicCode().startsWith(WAGE_ECONOMIC_PREFIX) && p.tag() != SanbaoTag.WAGE)
                reason = "人员类项目经济分类为工资福利支出（" + p.economicCode() + "），应标识为" + SanbaoTag.WAGE.label() + "，实际为" + p.tag().label();
            else if (p.category() == Category.RUNNING && p.tag() == SanbaoTag.WAGE)
                reason = "运转类项目不应标识为" + SanbaoTag.WAGE.label();
            else if (p.itemCode() != null && p.tag().isSanbao()) {
                GuaranteeItem item = c.items().get(p.itemCode());
                if (item != null && item.pillar() != p.tag().pillar())
                    reason = "项目标识为" + p.tag().label() + "，所对应清单项目“" + item.name() + "”属于" + item.pillar().label();
            }
            if (reason != null)
                findings.add(new Finding(code(), name(), c.unitCode(), p.itemCode(), p.code(), p.amount(), "项目“" + p.name() + "”：" + reason));
        }
        return findings;
    }
}
