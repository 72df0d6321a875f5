package cn.sanbao.connectors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The connector page's 单位代码对照 box: lines "源系统代码,平台单位代码" (comma, full-width comma or tab; blank lines
 * and lines starting with # are skipped). The box is hostile input: its size and line count are checked before it is
 * split, every line is checked, and any problem rejects the whole box with the line and reason (first 200 named).
 */
final class UnitCodeTable {

    static final int MAX_LINES = 10_000;
    /** As the columns of connector_unit_code. */
    static final int MAX_SOURCE = 64;
    static final int MAX_UNIT = 32;
    /** Room for MAX_LINES full lines with a separator, spaces and a line break. */
    static final int MAX_CHARS = MAX_LINES * (MAX_SOURCE + MAX_UNIT + 8);
    static final int MAX_PROBLEMS = 200;

    private UnitCodeTable() {
    }

    /**
     * Source code → platform unit code, in the box's order; {@code knownUnit} tells whether a platform unit code
     * exists. Throws IllegalArgumentException naming every problem's line.
     */
    static Map<String, String> parse(String text, Predicate<String> knownUnit) {
        String box = text == null ? "" : text;
        if (box.length() > MAX_CHARS)
            throw new IllegalArgumentException("单位代码对照过大（" + box.length() + " 个字符），最多 " + MAX_CHARS + " 个字符、"
                    + MAX_LINES + " 行，未保存");
        long lineCount = box.lines().count();
        if (lineCount > MAX_LINES)
            throw new IllegalArgumentException("单位代码对照共 " + lineCount + " 行，最多 " + MAX_LINES + " 行，未保存");
        Map<String, String> codes = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int n = 0;
        for (String line : box.split("\\R")) {
            n++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String problem = problem(l, n, knownUnit, firstLine);
            if (problem != null) {
                if (problems.size() < MAX_PROBLEMS) problems.add(problem);
                else break;
                continue;
            }
            String[] parts = l.split("[,，\\t]");
            firstLine.put(parts[0].strip(), n);
            codes.put(parts[0].strip(), parts[1].strip());
        }
        if (!problems.isEmpty())
            throw new IllegalArgumentException("单位代码对照有错误，未保存：" + String.join("；", problems)
                    + (problems.size() == MAX_PROBLEMS ? "（只列出前 " + MAX_PROBLEMS + " 处）" : ""));
        return codes;
    }

    /** What is wrong with line {@code n}, or null. */
    private static String problem(String l, int n, Predicate<String> knownUnit, Map<String, Integer> firstLine) {
        String at = "第 " + n + " 行";
        String[] parts = l.split("[,，\\t]");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank())
            return at + "应为“源系统代码,平台单位代码”：" + ConnectorRepository.cut(l, 80);
        String source = parts[0].strip(), unit = parts[1].strip();
        if (source.length() > MAX_SOURCE) return at + "源系统代码超过 " + MAX_SOURCE + " 个字符：" + ConnectorRepository.cut(source, 80);
        if (unit.length() > MAX_UNIT) return at + "平台单位代码超过 " + MAX_UNIT + " 个字符：" + ConnectorRepository.cut(unit, 80);
        if (!knownUnit.test(unit)) return at + "平台单位代码“" + unit + "”不存在（见区划中的单位代码）";
        Integer first = firstLine.get(source);
        if (first != null) return at + "源系统代码“" + source + "”与第 " + first + " 行重复";
        return null;
    }
}
