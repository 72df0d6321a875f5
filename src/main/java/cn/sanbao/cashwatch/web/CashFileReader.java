package cn.sanbao.cashwatch.web;

import cn.sanbao.cashwatch.DailyBalance;
import cn.sanbao.cashwatch.DailyCashRejected;
import cn.sanbao.intake.Finding;
import cn.sanbao.intake.Grid;
import cn.sanbao.intake.Location;
import cn.sanbao.shared.Decimals;
import org.apache.poi.ss.usermodel.DateUtil;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an uploaded 库款日报 table (columns 单位编码, 日期, 日终余额（元）, others ignored) into daily balances. The header
 * row is the first of the top rows that has 单位编码 (so the downloaded template, whose first row is its title, and a
 * plain CSV both read). What cannot be read is named by file, row, column and reason; empty cells are passed on as
 * null for the store to name.
 */
final class CashFileReader {

    static final String UNIT = "单位编码";
    static final String DAY = "日期";
    static final String BALANCE = "日终余额（元）";
    private static final int HEADER_SEARCH_ROWS = 5;
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    /** Excel day numbers of 2000-01-01 and 2099-12-31: a plain number in this range in a date column is a date. */
    private static final int FIRST_SERIAL = 36526, LAST_SERIAL = 73050;

    private CashFileReader() {
    }

    static List<DailyBalance> read(Grid grid) {
        String file = grid.fileName();
        int header = 0, unitCol = -1, dayCol = -1, balanceCol = -1;
        for (int r = 1; r <= Math.min(HEADER_SEARCH_ROWS, grid.rows().size()) && header == 0; r++) {
            for (int c = 0; c < grid.width(r); c++) {
                String t = normal(grid.cell(r, c).text());
                if (t.equals(UNIT)) header = r;
                if (t.equals(UNIT)) unitCol = c;
                else if (t.equals(DAY)) dayCol = c;
                else if (t.equals(normal(BALANCE)) || t.equals("日终余额")) balanceCol = c;
            }
        }
        if (header == 0 || dayCol < 0 || balanceCol < 0) {
            throw new DailyCashRejected(List.of(Finding.at(file, null, "没有找到表头：前 " + HEADER_SEARCH_ROWS
                    + " 行中须有一行含“" + UNIT + "”“" + DAY + "”“" + BALANCE + "”三列（可下载模板填写）")));
        }
        List<DailyBalance> rows = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        for (int r = header + 1; r <= grid.rows().size(); r++) {
            Grid.Cell unit = grid.cell(r, unitCol), day = grid.cell(r, dayCol), balance = grid.cell(r, balanceCol);
            if (unit.isBlank() && day.isBlank() && balance.isBlank()) continue;
            if (problems.size() >= DailyCashRejected.MAX_FINDINGS) break;
            LocalDate d = null;
            if (!day.isBlank()) {
                d = date(day);
                if (d == null) problems.add(Finding.at(file, grid.at(r, dayCol), "日期无法识别：“" + Decimals.quote(day.text())
                        + "”（请写作 2021-12-31）"));
            }
            BigDecimal v = null;
            if (balance.kind() == Grid.Kind.FORMULA) {
                problems.add(Finding.at(file, grid.at(r, balanceCol), "日终余额是公式，请粘贴为数值"));
            } else if (!balance.isBlank()) {
                try {
                    v = balance.number() != null ? Decimals.bounded(balance.number(), balance.text()) : Decimals.parse(balance.text());
                } catch (Decimals.Invalid e) {
                    problems.add(Finding.at(file, grid.at(r, balanceCol), "日终余额" + e.getMessage()));
                }
            }
            // the store's reasons name the column (单位编码, 日期, 日终余额), so the row is located without one
            rows.add(new DailyBalance(unit.isBlank() ? null : unit.text().strip(), d, v, new Location(grid.sheet(), r, null)));
        }
        if (!problems.isEmpty()) throw new DailyCashRejected(problems);
        return rows;
    }

    /** A date cell: an Excel date, a day number, or text such as 2021-12-31, 2021/12/31, 2021年12月31日, 20211231. */
    static LocalDate date(Grid.Cell cell) {
        if (cell.number() != null) {
            BigDecimal n = cell.number();
            if (cell.kind() == Grid.Kind.NUMBER && n.scale() <= 0 && n.toBigInteger().toString().length() == 8) {
                return compact(n.toBigInteger().toString());
            }
            if (n.compareTo(BigDecimal.valueOf(FIRST_SERIAL)) >= 0 && n.compareTo(BigDecimal.valueOf(LAST_SERIAL)) <= 0) {
                return DateUtil.getLocalDateTime(n.doubleValue()).toLocalDate();
            }
            return null;
        }
        String t = cell.text().strip();
        if (t.length() > 20) return null;
        if (t.matches("\\d{8}")) return compact(t);
        Matcher m = DATE.matcher(t);
        if (!m.matches()) return null;
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static LocalDate compact(String t) {
        try {
            return LocalDate.parse(t, COMPACT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Header text without spaces and with ASCII brackets made full-width: 日终余额(元) = 日终余额（元）. */
    private static String normal(String t) {
        return t.replaceAll("\\s", "").replace('(', '（').replace(')', '）');
    }
}
