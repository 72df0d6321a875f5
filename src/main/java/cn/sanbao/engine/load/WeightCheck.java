package cn.sanbao.engine.load;

import cn.sanbao.engine.ModelProblem;
import java.math.BigDecimal;
import java.util.List;
import cn.sanbao.engine.ScoringModel.Group;

/** Weights must add up: indicators to their group's weight, groups to the model's total points. */
final class WeightCheck {

    private final List<ModelProblem> problems;
    private BigDecimal sum = BigDecimal.ZERO;

    WeightCheck(List<ModelProblem> problems) {
        this.problems = problems;
    }

    void group(Yaml node, Group g, BigDecimal indicatorWeights) {
        if (g.weight() != null && g.weight().compareTo(indicatorWeights) != 0)
            problems.add(new ModelProblem(node.line(), "指标组“" + g.name() + "”的权重 " + plain(g.weight())
                    + " 与其指标权重合计 " + plain(indicatorWeights) + " 不一致"));
        sum = sum.add(indicatorWeights);
    }

    void total(Yaml node, BigDecimal totalPoints) {
        if (totalPoints != null && sum.compareTo(totalPoints) != 0)
            problems.add(new ModelProblem(node.line(),
                    "各指标权重合计 " + plain(sum) + " 与总分 totalPoints " + plain(totalPoints) + " 不一致"));
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }
}
