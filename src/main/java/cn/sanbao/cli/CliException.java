package cn.sanbao.cli;

import java.util.List;

/**
 * Bad input to the command line (arguments, facts file, model file): exit code 2, every problem listed
 * in Chinese with file, line and column where known.
 */
public final class CliException extends RuntimeException {

    private final List<String> problems;

    public CliException(String problem) {
        this(List.of(problem));
    }

    public CliException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
