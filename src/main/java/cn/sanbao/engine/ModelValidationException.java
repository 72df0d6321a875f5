package cn.sanbao.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A model file that cannot be used, with every problem found (not only the first). */
public final class ModelValidationException extends RuntimeException {

    private final String source;
    private final List<ModelProblem> problems;

    public ModelValidationException(String source, List<ModelProblem> problems) {
        super("模型文件 " + source + " 有 " + problems.size() + " 处错误：\n"
                + problems.stream().map(p -> "  " + source + " " + p).collect(Collectors.joining("\n")));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() { return source; }

    public List<ModelProblem> problems() { return problems; }
}
