package cn.sanbao.cashwatch.store;

import cn.sanbao.cashwatch.DailyBalance;
import cn.sanbao.cashwatch.DailyCashRejected;
import cn.sanbao.intake.Finding;
import cn.sanbao.intake.Location;
import cn.sanbao.shared.Decimals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * All-or-nothing checks of a batch of daily balances, in one place for uploads and connectors. Every problem
 * is named by file, row, column and reason; checking stops after {@link DailyCashRejected#MAX_FINDINGS}.
 */
public final class DailyCashValidator {

    /** About 3,000 budget units for two months: more in one store is not a daily report. */
    public static final int MAX_ROWS = 200_000;

    /** What the checks need to know about a unit code. */
    public enum UnitKind { UNKNOWN, CONSOLIDATED, BUDGET_UNIT }

    /* Column names for findings whose location names only the row (an upload: the reasons concern one field each). */
    static final String UNIT = "单位编码", DAY = "日期", BALANCE = "日终余额（元）";

    static final String STOPPED = "已发现 " + DailyCashRejected.MAX_FINDINGS + " 处错误，停止检查其余内容";

    private final Function<String, UnitKind> units;
    private final Function<String, String> unitName;

    public DailyCashValidator(Function<String, UnitKind> units, Function<String, String> unitName) {
        this.units = units;
        this.unitName = unitName;
    }

    /**
     * @param today        no balance may be dated after it
     * @param latestStored latest day already stored (null when none); together with the batch's own latest day it
     *                     bounds how far back a day may lie (one year)
     * @throws DailyCashRejected with every problem found
     */
    public void check(String file, List<DailyBalance> rows, LocalDate today, LocalDate latestStored) {
        List<Finding> problems = new ArrayList<>();
        if (rows.isEmpty()) throw new DailyCashRejected(List.of(Finding.at(file, null, "没有数据行")));
        if (rows.size() > MAX_ROWS) {
            throw new DailyCashRejected(List.of(Finding.at(file, null,
                    "共 " + rows.size() + " 行，超过一次最多 " + MAX_ROWS + " 行；请分批报送")));
        }
        LocalDate latest = latestStored;
        for (DailyBalance r : rows) {
            if (r.day() != null && !r.day().isAfter(today) && (latest == null || r.day().isAfter(latest))) latest = r.day();
        }
        LocalDate earliest = latest == null ? null : latest.minusYears(1);
        Map<String, Location> seen = new HashMap<>();
        for (DailyBalance r : rows) {
            if (problems.size() >= DailyCashRejected.MAX_FINDINGS) {
                problems.add(Finding.at(file, null, STOPPED));
                break;
            }
            check(file, r, today, earliest, seen, problems);
        }
        if (!problems.isEmpty()) throw new DailyCashRejected(problems);
    }

    /** At the row's place; the column is the source's (a cell, a query column) or else the field's name. */
    private static Finding finding(String file, DailyBalance r, String field, String reason) {
        Location at = r.at();
        if (at == null) return new Finding(file, null, 0, field, reason);
        return new Finding(file, at.sheet(), at.row(), at.column() == null ? field : at.column(), reason);
    }

    private void check(String file, DailyBalance r, LocalDate today, LocalDate earliest, Map<String, Location> seen,
                       List<Finding> problems) {
        String code = r.unitCode() == null ? "" : r.unitCode().strip();
        if (code.isEmpty()) {
            problems.add(finding(file, r, UNIT, "单位编码为空"));
        } else if (code.length() > 32) {
            problems.add(finding(file, r, UNIT, "单位编码过长：“" + Decimals.quote(code) + "”"));
        } else {
            switch (units.apply(code)) {
                case UNKNOWN -> problems.add(finding(file, r, UNIT, "未知的单位编码“" + code + "”"));
                case CONSOLIDATED -> problems.add(finding(file, r, UNIT, "“" + code + " " + unitName.apply(code)
                        + "”是汇总单位，不是预算单位；库款日报按预算单位报送"));
                case BUDGET_UNIT -> { }
            }
        }
        if (r.day() == null) {
            problems.add(finding(file, r, DAY, "日期为空"));
        } else if (r.day().isAfter(today)) {
            problems.add(finding(file, r, DAY, "日期 " + r.day() + " 晚于今天（" + today + "）"));
        } else if (earliest != null && r.day().isBefore(earliest)) {
            problems.add(finding(file, r, DAY, "日期 " + r.day() + " 早于最新日期一年以上（最早 " + earliest + "）"));
        }
        BigDecimal v = r.balance();
        if (v == null) {
            problems.add(finding(file, r, BALANCE, "日终余额为空"));
        } else if (v.precision() - v.scale() > Decimals.MAX_INTEGER_DIGITS) {
            problems.add(finding(file, r, BALANCE, "日终余额过大（最多 " + Decimals.MAX_INTEGER_DIGITS + " 位整数）：" + v.toPlainString()));
        } else if (v.stripTrailingZeros().scale() > 2) {
            problems.add(finding(file, r, BALANCE, "日终余额超过两位小数：" + v.toPlainString()));
        } else if (v.signum() < 0) {
            problems.add(finding(file, r, BALANCE, "日终余额不能为负数：" + v.toPlainString()));
        }
        if (!code.isEmpty() && r.day() != null) {
            Location first = seen.putIfAbsent(code + "|" + r.day(), r.at() == null ? new Location(null, 0, null) : r.at());
            if (first != null) {
                String where = first.text();
                problems.add(finding(file, r, UNIT, "单位 " + code + " 日期 " + r.day() + " 重复"
                        + (where.isEmpty() ? "" : "（首次出现在" + where + "）")));
            }
        }
    }
}
