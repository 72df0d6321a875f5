package cn.sanbao.engine;

/** One thing wrong in a model file: the line (1-based, 0 when unknown) and the reason in Chinese. */
public record ModelProblem(int line, String message) {

    @Override public String toString() {
        return (line > 0 ? "第" + line + "行：" : "") + message;
    }
}
