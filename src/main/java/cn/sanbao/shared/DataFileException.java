package cn.sanbao.shared;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A reference data file (region tree, data item catalogue, imports) is wrong. Carries every problem
 * found, not just the first, so whoever maintains the file can fix it in one pass.
 */
public class DataFileException extends RuntimeException {

    /** One problem: line 0 means the file as a whole; column may be null. */
    public record Problem(String file, int line, String column, String reason) {
        public String text() {
            StringBuilder sb = new StringBuilder(file == null ? "文件" : file);
            if (line > 0) sb.append(" 第").append(line).append("行");
            if (column != null && !column.isBlank()) sb.append(' ').append(column).append(" 列");
            return sb.append('：').append(reason).toString();
        }
    }

    private final List<Problem> problems;

    public DataFileException(List<Problem> problems) {
        super(problems.stream().map(Problem::text).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) throw new IllegalArgumentException("problems must not be empty");
        this.problems = List.copyOf(problems);
    }

    public DataFileException(String file, int line, String column, String reason) {
        this(List.of(new Problem(file, line, column, reason)));
    }

    public List<Problem> problems() { return problems; }
}
