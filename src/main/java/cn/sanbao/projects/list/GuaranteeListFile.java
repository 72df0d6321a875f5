package cn.sanbao.projects.list;

import cn.sanbao.kernel.Pillar;
import cn.sanbao.shared.Decimals;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import cn.sanbao.shared.CsvFile;
import cn.sanbao.shared.Problems;

/**
 * Reads and checks a guarantee list CSV (format in docs/projects.md). Every problem is reported with
 * file, line and column; one bad row rejects the whole file.
 */
public final class GuaranteeListFile {

    /** "WAGE/OPERATION/LIVELIHOOD 或 保工资/保运转/保基本民生", from the kernel's pillars. */
    private static final String SANBAO_CHOICES = Pillar.SANBAO.stream().map(Pillar::name).collect(Collectors.joining("/")) + " 或 "
            + Pillar.SANBAO.stream().map(Pillar::label).collect(Collectors.joining("/"));

    public static final List<String> COLUMNS = List.of("code", "name", "pillar", "basis", "national_standard",
            "standard", "change_month", "standard_after", "scope_measure", "share_central", "share_region",
            "share_city", "share_county", "function_prefixes", "effective_year", "sample");

    private GuaranteeListFile() {
    }

    public static List<GuaranteeItem> read(String fileName, InputStream in) {
        CsvFile csv = CsvFile.read(fileName, in, COLUMNS);
        Problems problems = new Problems(fileName);
        List<GuaranteeItem> items = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        for (CsvFile.Row row : csv.rows()) {
            Map<String, String> cells = new HashMap<>();
            for (String c : COLUMNS) cells.put(c, row.get(c));
            GuaranteeItem item = parse(cells, row.line(), problems);
            if (item != null) {
                String key = item.code() + "@" + item.effectiveYear();
                Integer first = lines.putIfAbsent(key, row.line());
                if (first != null) problems.add(row.line(), "code", "清单项目“" + item.code() + "”在 " + item.effectiveYear() + " 年重复（第" + first + "行已有）");
                items.add(item);
            }
        }
        if (items.isEmpty() && problems.isEmpty()) problems.add(0, null, "文件中没有清单项目");
        problems.throwIfAny();
        return List.copyOf(items);
    }

    /** Parses and checks one item given as column → text; returns null (with problems recorded) when invalid. */
    public static GuaranteeItem parse(Map<String, String> c, int line, Problems sink) {
        Counted problems = new Counted(sink);
        String code = text(c, "code");
        if (code.isEmpty() || code.length() > 32 || !code.matches("[A-Za-z0-9_\\-]+"))
            problems.add(line, "code", "项目编码不能为空，只能由字母、数字、下划线组成，不超过 32 位");
        String name = text(c, "name");
        if (name.isEmpty() || name.length() > 100) problems.add(line, "name", "名称不能为空且不超过 100 个字符");
        Pillar pillar = Pillar.parseSanbao(text(c, "pillar"));
        if (pillar == null) problems.add(line, "pillar", "未知的保障类别“" + text(c, "pillar") + "”，应为 " + SANBAO_CHOICES);
        StandardBasis basis = StandardBasis.parse(text(c, "basis"));
        if (basis == null) problems.add(line, "basis", "未知的标准口径“" + text(c, "basis") + "”，应为 PER_PERSON_YEAR/PER_PERSON_MONTH/FIXED");
        BigDecimal national = amount(c, "national_standard", line, problems, true);
        BigDecimal standard = amount(c, "standard", line, problems, true);
        if (national != null && standard != null && standard.compareTo(national) < 0)
            problems.add(line, "standard", "地区标准 " + standard.toPlainString() + " 低于国家最低标准 " + national.toPlainString());
        Integer changeMonth = null;
        String cm = text(c, "change_month");
        if (!cm.isEmpty()) {
            try {
                changeMonth = Integer.parseInt(cm);
                if (changeMonth < 2 || changeMonth > 12) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                problems.add(line, "change_month", "调整起始月应为 2 到 12 的整数，实际为“" + cm + "”");
                changeMonth = null;
            }
        }
        BigDecimal after = amount(c, "standard_after", line, problems, false);
        if (!cm.isEmpty() && after == null && text(c, "standard_after").isEmpty())
            problems.add(line, "standard_after", "填写了调整起始月，必须填写调整后标准");
        if (cm.isEmpty() && after != null) problems.add(line, "change_month", "填写了调整后标准，必须填写调整起始月");
        if (after != null && national != null && after.compareTo(national) < 0)
            problems.add(line, "standard_after", "调整后标准 " + after.toPlainString() + " 低于国家最低标准 " + national.toPlainString());
        String measure = text(c, "scope_measure");
        if (basis == StandardBasis.FIXED && !measure.isEmpty())
            problems.add(line, "scope_measure", "定额项目不按测算口径计算，口径应为空");
        if (basis != null && basis != StandardBasis.FIXED && !measure.matches("[a-z][a-z0-9_]{0,63}"))
            problems.add(line, "scope_measure", "测算口径编码应为小写字母、数字、下划线，实际为“" + measure + "”");
        BigDecimal[] shares = new BigDecimal[4];
        String[] shareCols = {"share_central", "share_region", "share_city", "share_county"};
        for (int i = 0; i < 4; i++) shares[i] = share(c, shareCols[i], line, problems);
        if (Arrays.stream(shares).allMatch(s -> s != null)) {
            BigDecimal sum = Arrays.stream(shares).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(BigDecimal.ONE) != 0)
                problems.add(line, "share_county", "各级分担比例之和应为 1，实际为 " + sum.toPlainString());
        }
        List<String> prefixes = new ArrayList<>();
        for (String p : text(c, "function_prefixes").split("[;；|\\s]+")) if (!p.isBlank()) prefixes.add(p.trim());
        if (prefixes.isEmpty()) problems.add(line, "function_prefixes", "至少填写一个支出功能分类科目编码前缀");
        for (String p : prefixes) if (!p.matches("\\d{3,7}")) problems.add(line, "function_prefixes", "功能分类科目编码前缀应为 3 到 7 位数字，实际为“" + p + "”");
        int year = 0;
        try {
            year = Integer.parseInt(text(c, "effective_year"));
            if (year < 2000 || year > 2100) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            problems.add(line, "effective_year", "生效年度应为 2000 到 2100 的年份，实际为“" + text(c, "effective_year") + "”");
        }
        String sampleText = text(c, "sample");
        boolean sample = sampleText.equalsIgnoreCase("true") || sampleText.equals("是") || sampleText.equals("1") || sampleText.equals("示例值");
        if (problems.count > 0) return null;
        return new GuaranteeItem(code, name, pillar, basis, national, standard, changeMonth, after, measure,
                shares[0], shares[1], shares[2], shares[3], prefixes, year, sample);
    }

    /** Problems of one row, counted so the row can be dropped when it had any. */
    private static final class Counted {
        private final Problems sink;
        private int count;

        Counted(Problems sink) { this.sink = sink; }

        void add(int line, String column, String reason) {
            sink.add(line, column, reason);
            count++;
        }
    }

    private static String text(Map<String, String> c, String col) {
        String v = c.get(col);
        return v == null ? "" : v.trim();
    }

    private static BigDecimal amount(Map<String, String> c, String col, int line, Counted problems, boolean required) {
        String v = text(c, col);
        if (v.isEmpty()) {
            if (required) problems.add(line, col, "不能为空");
            return null;
        }
        try {
            BigDecimal d = Decimals.parse(v);
            if (d.signum() < 0) problems.add(line, col, "金额不能为负数：" + v);
            else if (d.stripTrailingZeros().scale() > 2) problems.add(line, col, "金额最多两位小数：" + v);
            else return d.setScale(2);
        } catch (Decimals.Invalid e) {
            problems.add(line, col, "金额" + e.getMessage());
        }
        return null;
    }

    private static BigDecimal share(Map<String, String> c, String col, int line, Counted problems) {
        String v = text(c, col);
        try {
            BigDecimal d = v.isEmpty() ? BigDecimal.ZERO : Decimals.parse(v);
            if (d.signum() < 0 || d.compareTo(BigDecimal.ONE) > 0 || d.stripTrailingZeros().scale() > 4) {
                problems.add(line, col, "分担比例应为 0 到 1 之间、最多四位小数的数，实际为“" + v + "”");
                return null;
            }
            return d.setScale(4);
        } catch (Decimals.Invalid e) {
            problems.add(line, col, "分担比例不是有效的数：" + e.getMessage());
            return null;
        }
    }
}
