package cn.sanbao.engine.load;

import java.math.BigDecimal;
import java.util.List;
import cn.sanbao.engine.ScoringModel.Group;
import cn.sanbao.engine.ScoringModel.Indicator;

/** Weights must add up: indicators to their group's weight, groups to the model's total points. */
final class WeightCheck {

    private final List<ModelProblem> problems;

    WeightCheck(List<ModelProblem> problems) {
        this.problems = problems;
    }

    void check(Yaml root, Yaml totalNode, BigDecimal totalPoints, List<Group> groups) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Group g : groups) {
            BigDecimal inGroup = g.indicators().stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (g.weight() != null && g.weight().compareTo(inGroup) != 0)
                problems.add(new ModelProblem(root.line(), "指标组“" + g.name() + "”的权重 " + plain(g.weight())
                        + " 与其指标权重合计 " + plain(inGroup) + " 不一致"));
            sum = sum.add(inGroup);
        }
        if (totalPoints != null && sum.compareTo(totalPoints) != 0)
            problems.add(new ModelProblem(totalNode == null ? root.line() : totalNode.line(),
                    "各指标权重合计 " + plain(sum) + " 与总分 totalPoints " + plain(totalPoints) + " 不一致"));
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }
}
