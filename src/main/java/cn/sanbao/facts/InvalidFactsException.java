package cn.sanbao.facts;

import java.util.List;

/** Facts offered for a revision break a rule; nothing was stored. Lists every problem (message shows the first few). */
public class InvalidFactsException extends IllegalArgumentException {

    private static final int SHOWN = 10;

    private final List<String> problems;

    public InvalidFactsException(List<String> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }

    private static String summary(List<String> problems) {
        String head = "数据未保存，共 " + problems.size() + " 处错误：" + String.join("；", problems.subList(0, Math.min(SHOWN, problems.size())));
        return problems.size() > SHOWN ? head + "；……" : head;
    }
}
