package cn.sanbao.connectors;

import cn.sanbao.kernel.Period;
import cn.sanbao.intake.AmountUnit;
import cn.sanbao.intake.Finding;
import cn.sanbao.intake.Location;
import cn.sanbao.intake.Submission;
import cn.sanbao.shared.Decimals;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a connector's data-item queries for one period into a {@link Submission}, the same shape a template file
 * becomes, so the upload validator and its messages apply unchanged. Each value's location names the query, the
 * result row and the source column. Values are 元 (convert in the SQL if the source keeps 万元).
 */
final class ItemExtraction {

    /** At most this many rows are kept for the dry-run preview. */
    static final int PREVIEW = 20;

    record Result(Submission submission, long rows, List<List<String>> preview) {
    }

    private final String file;
    private final Map<String, String> unitCodes;
    private final Period period;
    private final List<Finding> problems = new ArrayList<>();
    private final Map<String, List<Submission.Entry>> byUnit = new LinkedHashMap<>();
    private final Map<String, Location> unitAt = new HashMap<>();
    private final Map<String, Location> seen = new HashMap<>();
    private final List<List<String>> preview = new ArrayList<>();
    private long rows;

    ItemExtraction(Connector c, Map<String, String> unitCodes, Period period) {
        this.file = "连接器“" + c.name() + "”";
        this.unitCodes = unitCodes;
        this.period = period;
    }

    static String where(Connector.Query q) {
        return "查询“" + q.name() + "”";
    }

    Result read(SourceReader source, List<Connector.Query> queries, SourceReader.Params params) {
        for (Connector.Query q : queries) {
            if (q.kind() != Connector.Kind.ITEM) continue;
            try {
                source.stream(q.sql(), params, List.copyOf(q.columns().values()), (n, rs) -> row(q, n, rs));
            } catch (SourceReader.Refused e) {
                problems.add(Finding.at(file, new Location(null, 0, where(q)), e.getMessage()));
            } catch (SQLException | org.springframework.dao.DataAccessException e) {
                problems.add(Finding.at(file, new Location(null, 0, where(q)), "查询执行失败：" + SourceErrors.reason(e)));
            }
        }
        List<Submission.UnitRow> unitRows = new ArrayList<>();
        byUnit.forEach((unit, entries) -> unitRows.add(new Submission.UnitRow(unitAt.get(unit), unit, entries)));
        return new Result(new Submission(file, period, null, AmountUnit.YUAN, unitRows, problems), rows, preview);
    }

    private void row(Connector.Query q, long n, ResultSet rs) throws SQLException {
        rows++;
        int line = (int) Math.min(n, Integer.MAX_VALUE);
        Map<String, String> col = q.columns();
        String rawUnit = text(rs, col.get("unit"));
        String item = col.containsKey("item") ? text(rs, col.get("item")) : q.itemCode();
        String rawValue = text(rs, col.get("value"));
        if (preview.size() < PREVIEW) preview.add(java.util.Arrays.asList(q.name(), String.valueOf(n), rawUnit, item, rawValue));
        if (problems.size() >= cn.sanbao.intake.IntakeRejectedException.MAX_LISTED) return;
        if (col.containsKey("period")) {
            String p = text(rs, col.get("period"));
            if (!period.code().equals(p)) {
                problems.add(at(q, line, col.get("period"), "期间“" + p + "”与本次提取的期间 " + period.code() + "（" + period.label() + "）不一致"));
                return;
            }
        }
        if (rawUnit == null || rawUnit.isEmpty()) {
            problems.add(at(q, line, col.get("unit"), "单位代码为空"));
            return;
        }
        if (item == null || item.isEmpty()) {
            problems.add(at(q, line, col.get("item"), "数据项代码为空"));
            return;
        }
        if (rawValue == null) return; // not reported, as null in a push
        BigDecimal value;
        try {
            value = Decimals.parse(rawValue);
        } catch (IllegalArgumentException e) {
            problems.add(at(q, line, col.get("value"), ConnectorRepository.cut(e.getMessage(), 200)));
            return;
        }
        String unit = unitCodes.getOrDefault(rawUnit, rawUnit);
        Location here = new Location(null, line, where(q) + " 列“" + col.get("value") + "”");
        Location first = seen.putIfAbsent(unit + "|" + item, here);
        if (first != null) {
            problems.add(Finding.at(file, here, "单位 " + unit + " 的数据项 " + item + " 重复（首次出现在" + first.text() + "）"));
            return;
        }
        unitAt.putIfAbsent(unit, new Location(null, line, where(q) + " 列“" + col.get("unit") + "”"));
        byUnit.computeIfAbsent(unit, k -> new ArrayList<>()).add(new Submission.Entry(here, item, value));
    }

    private Finding at(Connector.Query q, int line, String column, String reason) {
        return Finding.at(file, new Location(null, line, where(q) + (column == null ? "" : " 列“" + column + "”")), reason);
    }

    private static String text(ResultSet rs, String column) throws SQLException {
        if (column == null) return null;
        String s = rs.getString(column);
        return s == null ? null : s.strip();
    }
}
