package cn.sanbao.engine.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.sanbao.engine.ScoringModel.Grade;

/** Reads grades, best first. With cut-offs each grade needs a minimum, strictly falling. */
final class GradeReader {

    private final List<ModelProblem> problems;

    GradeReader(List<ModelProblem> problems) {
        this.problems = problems;
    }

    List<Grade> grades(Yaml node, Yaml root, boolean decisionTable) {
        List<Grade> out = new ArrayList<>();
        if (node == null) {
            root.problem("缺少等级（grades）");
            return out;
        }
        Set<String> codes = new HashSet<>();
        BigDecimal previous = null;
        for (Yaml g : node.items("等级（grades）")) {
            Map<String, Yaml> f = g.fields("等级", Set.of("code", "name", "min"));
            String code = Yaml.text(f, "code", "等级编码", g);
            String name = Yaml.text(f, "name", "等级名称", g);
            BigDecimal min = null;
            if (f.containsKey("min")) min = f.get("min").number("最低分");
            else if (!decisionTable) g.problem("按总分定级时每个等级都要写最低分（min）");
            if (code != null && !codes.add(code)) g.problem("等级“" + code + "”重复");
            if (min != null && previous != null && min.compareTo(previous) >= 0)
                g.problem("等级须从好到差排列，最低分应逐级降低（" + min.toPlainString() + " 不低于上一级 " + previous.toPlainString() + "）");
            if (min != null) previous = min;
            out.add(new Grade(code, name, min));
        }
        if (out.size() < 2) node.problem("至少需要两个等级");
        return out;
    }
}
