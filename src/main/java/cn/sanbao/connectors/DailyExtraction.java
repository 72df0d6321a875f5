package cn.sanbao.connectors;

import cn.sanbao.cashwatch.DailyBalance;
import cn.sanbao.cashwatch.DailyCashRejected;
import cn.sanbao.intake.Finding;
import cn.sanbao.intake.IntakeRejectedException;
import cn.sanbao.intake.Location;
import cn.sanbao.shared.Decimals;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a 库款日报 query (unit, day, end-of-day balance in 元) into the rows the daily cash watch stores, so its checks
 * and messages are the upload's. This class only turns source values into rows (a cell that is no date or number is
 * refused here, naming its row and source column); unit codes, duplicates, dates and amounts are checked by the store,
 * whose findings {@link #translate} re-labels with the source columns.
 */
final class DailyExtraction {

    private final Connector.Query query;
    private final Map<String, String> unitCodes;
    private final String file;
    private final List<DailyBalance> rows = new ArrayList<>();
    private final List<Finding> problems = new ArrayList<>();
    private final List<List<String>> preview = new ArrayList<>();

    DailyExtraction(Connector c, Connector.Query query, Map<String, String> unitCodes) {
        this.query = query;
        this.unitCodes = unitCodes;
        this.file = file(c, query);
    }

    /** What findings name: "数据提取：<connector> 查询 <query>". */
    static String file(Connector c, Connector.Query q) {
        return "数据提取：" + c.name() + " 查询 " + q.name();
    }

    /** Reads every row; a failed query, missing columns or unreadable cells refuse the whole extract. */
    List<DailyBalance> read(SourceReader source, SourceReader.Params params) {
        String unit = query.columns().get("unit"), day = query.columns().get("day"), balance = query.columns().get("balance");
        try {
            source.stream(query.sql(), params, List.of(unit, day, balance), (n, rs) -> row(n, rs, unit, day, balance));
        } catch (SourceReader.Refused e) {
            problems.add(Finding.at(file, null, e.getMessage()));
        } catch (SQLException | org.springframework.dao.DataAccessException e) {
            problems.add(Finding.at(file, null, "查询执行失败：" + SourceErrors.reason(e)));
        }
        if (!problems.isEmpty()) throw new IntakeRejectedException(problems, 0);
        return rows;
    }

    private void row(long n, ResultSet rs, String unitCol, String dayCol, String balanceCol) throws SQLException {
        if (problems.size() >= IntakeRejectedException.MAX_LISTED) return;
        int line = (int) Math.min(Integer.MAX_VALUE, n);
        String raw = rs.getString(unitCol);
        String code = raw == null ? null : unitCodes.getOrDefault(raw.strip(), raw.strip());
        LocalDate day = day(rs, dayCol, line);
        String text = rs.getString(balanceCol);
        BigDecimal balance = null;
        if (text != null) {
            try {
                balance = Decimals.parse(text.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new Finding(file, null, line, column(balanceCol), ConnectorRepository.cut(e.getMessage(), 200)));
                return;
            }
        }
        if (preview.size() < ItemExtraction.PREVIEW)
            preview.add(java.util.Arrays.asList(query.name(), code, day == null ? "" : day.toString(), text == null ? "" : text));
        rows.add(new DailyBalance(code, day, balance, new Location(null, line, null)));
    }

    private LocalDate day(ResultSet rs, String column, int line) throws SQLException {
        Object o = rs.getObject(column);
        if (o == null) return null; // the store reports the empty date with its row
        if (o instanceof java.sql.Date d) return d.toLocalDate();
        if (o instanceof java.sql.Timestamp t) return t.toLocalDateTime().toLocalDate();
        if (o instanceof LocalDate d) return d;
        if (o instanceof java.time.LocalDateTime t) return t.toLocalDate();
        String s = o.toString().strip();
        try {
            return LocalDate.parse(s.length() == 8 && s.chars().allMatch(Character::isDigit)
                    ? s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6) : s);
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(new Finding(file, null, line, column(column), "不是日期：“" + Decimals.quote(ConnectorRepository.cut(s, 40)) + "”"));
            return null;
        }
    }

    private static String column(String source) {
        return "列“" + source + "”";
    }

    /** The store's findings name its fields (单位编码, 日期, 日终余额（元）); say the source column instead. */
    IntakeRejectedException translate(DailyCashRejected e) {
        Map<String, String> fields = Map.of("单位编码", query.columns().get("unit"), "日期", query.columns().get("day"),
                "日终余额（元）", query.columns().get("balance"));
        List<Finding> out = e.findings().stream().map(f -> fields.containsKey(f.column())
                ? new Finding(f.file(), f.sheet(), f.row(), column(fields.get(f.column())), f.reason()) : f).toList();
        return new IntakeRejectedException(out, 0);
    }

    List<List<String>> preview() { return preview; }
}
