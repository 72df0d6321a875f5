package cn.sanbao.intake;

import cn.sanbao.kernel.Period;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.shared.Decimals;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Row rules of a payment file: header columns, unit (budget unit within the user's scope), date within
 * the month, amount in 元 with at most two decimals, codes as digits. Lookups are cached because a file
 * repeats the same few units, dates and codes millions of times.
 */
final class PaymentChecker {

    static final int MAX_LISTED = IntakeRejectedException.MAX_LISTED;
    static final String[][] COLUMNS = {
            {"unit_code", "单位代码"}, {"pay_date", "支付日期"}, {"amount", "金额"}, {"function_code", "支出功能分类"},
            {"economic_code", "经济分类"}, {"project_code", "项目代码"}, {"agency", "预算单位"}};
    private static final int UNIT = 0, DATE = 1, AMOUNT = 2, FUNCTION = 3, ECONOMIC = 4, PROJECT = 5, AGENCY = 6;

    private final String file;
    private final PaymentSource source;
    private final Period period;
    private final RegionTree regions;
    private final Predicate<String> mayReport;
    private final int[] index = {-1, -1, -1, -1, -1, -1, -1};
    private final Map<String, String> unitVerdict = new HashMap<>();
    private final Map<String, LocalDate> dates = new HashMap<>();
    final List<Finding> problems = new ArrayList<>();
    long problemCount;

    PaymentChecker(String file, PaymentSource source, Period period, RegionTree regions, Predicate<String> mayReport) {
        this.file = file;
        this.source = source;
        this.period = period;
        this.regions = regions;
        this.mayReport = mayReport;
    }

    /** Maps the header row; false (with problems) when a required column is missing. */
    boolean header(long line, String[] cells) {
        for (int c = 0; c < cells.length; c++) {
            String text = cells[c].trim();
            String token = text.contains(" ") || text.contains("\n") ? text.substring(text.lastIndexOf(text.contains("\n") ? '\n' : ' ') + 1) : text;
            for (int k = 0; k < COLUMNS.length; k++) {
                if (index[k] < 0 && (token.equals(COLUMNS[k][0]) || text.startsWith(COLUMNS[k][1]))) index[k] = c;
            }
        }
        for (int k = 0; k <= ECONOMIC; k++) {
            if (index[k] < 0) add(line, -1, "缺少必需的列“" + COLUMNS[k][1] + " " + COLUMNS[k][0] + "”");
        }
        return problems.isEmpty();
    }

    /** The checked row, or null (problems recorded). */
    PaymentRow check(long line, String[] cells) {
        long before = problemCount;
        if (source instanceof XlsxPaymentSource && formulas(line, cells)) return null;
        String unit = cell(cells, UNIT);
        String verdict = unitVerdict.computeIfAbsent(unit, this::unitProblem);
        if (!verdict.isEmpty()) add(line, index[UNIT], verdict);
        LocalDate date = date(line, cell(cells, DATE));
        BigDecimal amount = amount(line, cell(cells, AMOUNT));
        String function = code(line, cells, FUNCTION, 32);
        String economic = code(line, cells, ECONOMIC, 32);
        String project = cell(cells, PROJECT);
        String agency = cell(cells, AGENCY);
        if (project.length() > 64) add(line, index[PROJECT], "项目代码超过 64 个字符");
        if (agency.length() > 200) add(line, index[AGENCY], "预算单位名称超过 200 个字符");
        if (problemCount > before) return null;
        return new PaymentRow(line, unit, date, amount, function, economic, project.isEmpty() ? null : project,
                agency.isEmpty() ? null : agency);
    }

    /** Formula cells are refused, not read by their cached result (which may be stale): the same rule as templates. */
    private boolean formulas(long line, String[] cells) {
        boolean found = false;
        for (int c = 0; c < cells.length; c++) {
            String v = cells[c];
            if (!v.isEmpty() && v.charAt(0) == XlsxPaymentSource.FORMULA) {
                add(line, c, "单元格含公式（" + v.substring(1) + "），系统不采用公式结果；请复制后“选择性粘贴为数值”再上传");
                found = true;
            }
        }
        return found;
    }

    private String unitProblem(String code) {
        if (code.isEmpty()) return "缺少单位代码";
        Optional<FiscalUnit> u = regions.unit(code);
        if (u.isEmpty()) return "未知的单位代码“" + code + "”";
        if (u.get().isConsolidated()) return u.get().name() + "（" + code + "）是汇总单位，支付明细应按所属预算单位填列";
        if (!mayReport.test(code)) return "无权导入 " + u.get().name() + "（" + code + "）的支付明细：只能导入本单位（及下辖单位）的数据";
        return "";
    }

    private LocalDate date(long line, String text) {
        LocalDate d = dates.get(text);
        if (d == null) {
            d = parseDate(text);
            if (d == null) {
                add(line, index[DATE], "支付日期应为 yyyy-MM-dd 格式的日期，实际为“" + text + "”");
                return null;
            }
            dates.put(text, d);
        }
        if (d.isBefore(period.startDate()) || d.isAfter(period.endDate())) {
            add(line, index[DATE], "支付日期 " + d + " 不在所选期间 " + period.label() + " 内");
            return null;
        }
        return d;
    }

    static LocalDate parseDate(String t) {
        String s = t.length() == 8 && t.chars().allMatch(Character::isDigit)
                ? t.substring(0, 4) + "-" + t.substring(4, 6) + "-" + t.substring(6) : t.replace('/', '-');
        String[] p = s.split("-");
        if (p.length != 3) return null;
        try {
            return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    private BigDecimal amount(long line, String text) {
        BigDecimal v;
        try {
            v = Decimals.parse(text);
        } catch (Decimals.Invalid e) {
            add(line, index[AMOUNT], "金额" + e.getMessage());
            return null;
        }
        if (v.scale() > 2 && v.stripTrailingZeros().scale() > 2) {
            add(line, index[AMOUNT], "金额超过两位小数（以元为单位，精确到分）：" + text);
            return null;
        }
        if (v.precision() - v.scale() > 18) {
            add(line, index[AMOUNT], "金额过大，超出允许范围：" + text);
            return null;
        }
        return v.setScale(2);
    }

    private String code(long line, String[] cells, int k, int max) {
        String v = cell(cells, k);
        if (v.isEmpty()) add(line, index[k], COLUMNS[k][1] + "代码不能为空");
        else if (v.length() > max || !v.chars().allMatch(Character::isDigit)) {
            add(line, index[k], COLUMNS[k][1] + "代码应为数字：“" + v + "”");
        }
        return v;
    }

    private String cell(String[] cells, int k) {
        int c = index[k];
        return c < 0 || c >= cells.length ? "" : cells[c];
    }

    private void add(long line, int col, String reason) {
        problemCount++;
        if (problems.size() < MAX_LISTED) {
            Location at = source instanceof XlsxPaymentSource
                    ? new Location("第1个工作表", (int) line, col < 0 ? null : source.column(line, col))
                    : new Location(null, (int) line, col < 0 ? null : source.column(line, col));
            problems.add(Finding.at(file, at, reason));
        }
    }
}
