package cn.sanbao.engine.load;

import cn.sanbao.engine.ModelProblem;
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

    List<Grade> grades(Yaml node, Yaml root, boolean decisionTable, boolean higherIsWorse) {
        List<Grade> out = new ArrayList<>();
        if (node == null) {
            root.problem("缺少等级（grades）");
            return out;
        }
        Set<String> codes = new HashSet<>();
        BigDecimal previous = null;
        for (Yaml g : node.items("等级（grades）")) {
            Map<String, Yaml> f = g.fields("等级", Set.of("code", "name", "min", "letter"));
            String code = Yaml.text(f, "code", "等级编码", g);
            String name = Yaml.text(f, "name", "等级名称", g);
            BigDecimal min = null;
            if (f.containsKey("min")) min = f.get("min").number("最低分");
            else if (!decisionTable) g.problem("按总分定级时每个等级都要写最低分（min）");
            if (code != null && !codes.add(code)) g.problem("等级“" + code + "”重复");
            if (min != null && previous != null && !higherIsWorse && min.compareTo(previous) >= 0)
                g.problem("等级须从好到差排列，最低分应逐级降低（" + min.toPlainString() + " 不低于上一级 " + previous.toPlainString() + "）");
            if (min != null && previous != null && higherIsWorse && min.compareTo(previous) <= 0)
                g.problem("direction: higher-is-worse（分数越高越差）时等级仍从好到差排列，最低分应逐级升高（"
                        + min.toPlainString() + " 不高于上一级 " + previous.toPlainString() + "）");
            if (min != null) previous = min;
            String letter = Yaml.optionalText(f, "letter", "等级字母");
            if (letter != null && letter.length() > 8) f.get("letter").problem("等级字母“" + letter + "”过长，最多 8 个字符，如 A、BBB、C+");
            out.add(new Grade(code, name, min, letter));
        }
        if (out.size() < 2) node.problem("至少需要两个等级");
        return out;
    }
}
