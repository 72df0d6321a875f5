package cn.sanbao.engine.load;

import cn.sanbao.engine.ModelProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A thin view of a SnakeYAML node that remembers line numbers, so every problem in a model file
 * can be reported at its line. Problems are collected, not thrown.
 */
final class Yaml {

    private final Node node;
    private final List<ModelProblem> problems;

    Yaml(Node node, List<ModelProblem> problems) {
        this.node = node;
        this.problems = problems;
    }

    int line() {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    void problem(String message) {
        problems.add(new ModelProblem(line(), message));
    }

    boolean isMapping() { return node instanceof MappingNode; }

    /** Entries of a mapping in file order; reports a problem (and returns empty) if this is no mapping. */
    Map<String, Yaml> entries(String what) {
        Map<String, Yaml> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode m)) {
            problem(what + "应为“名称: 值”形式的映射");
            return out;
        }
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (out.containsKey(key)) new Yaml(t.getKeyNode(), problems).problem("字段“" + key + "”重复");
            out.put(key, new Yaml(t.getValueNode(), problems));
        }
        return out;
    }

    /** A mapping whose keys must all be known; unknown keys are reported (they are usually typos). */
    Map<String, Yaml> fields(String what, Set<String> allowed) {
        Map<String, Yaml> e = entries(what);
        for (Map.Entry<String, Yaml> x : e.entrySet())
            if (!allowed.contains(x.getKey()))
                x.getValue().problem(what + "中有未知字段“" + x.getKey() + "”，可用字段：" + String.join("、", allowed));
        return e;
    }

    List<Yaml> items(String what) {
        List<Yaml> out = new ArrayList<>();
        if (node instanceof SequenceNode s) {
            for (Node n : s.getValue()) out.add(new Yaml(n, problems));
        } else {
            problem(what + "应为列表（每项以“- ”开头）");
        }
        return out;
    }

    String text(String what) {
        if (node instanceof ScalarNode s && !s.getValue().isBlank()) return s.getValue().trim();
        problem(what + "应为非空文字");
        return null;
    }

    BigDecimal number(String what) {
        String t = text(what);
        if (t == null) return null;
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            problem(what + "“" + t + "”不是数字");
            return null;
        }
    }

    static String text(Map<String, Yaml> fields, String key, String what, Yaml owner) {
        Yaml y = fields.get(key);
        if (y == null) {
            owner.problem("缺少" + what + "（" + key + "）");
            return null;
        }
        return y.text(what);
    }

    static String optionalText(Map<String, Yaml> fields, String key, String what) {
        Yaml y = fields.get(key);
        return y == null ? null : y.text(what);
    }

    static BigDecimal number(Map<String, Yaml> fields, String key, String what, Yaml owner) {
        Yaml y = fields.get(key);
        if (y == null) {
            owner.problem("缺少" + what + "（" + key + "）");
            return null;
        }
        return y.number(what);
    }
}
