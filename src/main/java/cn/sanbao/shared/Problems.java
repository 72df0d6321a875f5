package cn.sanbao.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while checking a file, then throws them all together. */
public final class Problems {

    private final String fileName;
    private final List<DataFileException.Problem> list = new ArrayList<>();

    public Problems(String fileName) { this.fileName = fileName; }

    public void add(int line, String column, String reason) {
        list.add(new DataFileException.Problem(fileName, line, column, reason));
    }

    public boolean isEmpty() { return list.isEmpty(); }

    /** At most this many problems are shown; the rest are summed up in a closing line. */
    public static final int MAX_LISTED = 200;

    public void throwIfAny() {
        // in line order, as the user reads the file
        list.sort(java.util.Comparator.comparingInt(DataFileException.Problem::line));
        if (list.size() > MAX_LISTED) {
            List<DataFileException.Problem> shown = new ArrayList<>(list.subList(0, MAX_LISTED));
            shown.add(new DataFileException.Problem(fileName, 0, null, "…及另外 " + (list.size() - MAX_LISTED) + " 处"));
            throw new DataFileException(shown);
        }
        if (!list.isEmpty()) throw new DataFileException(list);
    }

    /** Returns the cell ("" when empty) or records a problem when it is longer than the database column. */
    public String optional(CsvFile.Row row, String column, int maxLength) {
        String v = row.get(column);
        if (v.length() > maxLength) add(row.line(), column, "长度不能超过 " + maxLength + " 个字符（实际 " + v.length() + " 个）");
        return v;
    }

    /** Parses "true"/"false" (also 是/否); records a problem and returns null otherwise. */
    public Boolean bool(CsvFile.Row row, String column) {
        String v = row.get(column).toLowerCase();
        switch (v) {
            case "true", "是", "1" -> { return true; }
            case "false", "否", "0" -> { return false; }
            default -> {
                add(row.line(), column, "应为 true 或 false，实际为“" + row.get(column) + "”");
                return null;
            }
        }
    }

    /** Returns the cell or records "不能为空"; also checks the database column width. */
    public String required(CsvFile.Row row, String column, int maxLength) {
        String v = row.get(column);
        if (v.isEmpty()) add(row.line(), column, "不能为空");
        else if (v.length() > maxLength) add(row.line(), column, "长度不能超过 " + maxLength + " 个字符");
        return v;
    }

    /** Looks a value up in an enum by its constant name; records a problem and returns null if unknown. */
    public <E extends Enum<E>> E enumValue(CsvFile.Row row, String column, Class<E> type, String what) {
        String v = row.get(column);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            add(row.line(), column, "未知的" + what + "“" + v + "”");
            return null;
        }
    }
}
