package cn.sanbao.upgrade;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each table of a database holds: its columns, row count and a checksum of the rows' content (rows sorted,
 * so the order the database returns them in does not matter). Taken before and after an upgrade, over the columns
 * the table had before, it shows whether the upgrade kept the data.
 */
record TableSnapshot(Map<String, List<String>> columns, Map<String, String> content) {

    private static final String HISTORY = "flyway_schema_history";

    static TableSnapshot of(Connection c) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        try (var s = c.prepareStatement("select table_name, column_name from information_schema.columns "
                + "where table_schema = current_schema order by table_name, ordinal_position"); var rs = s.executeQuery()) {
            while (rs.next()) {
                if (rs.getString(1).equalsIgnoreCase(HISTORY)) continue;
                columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return over(c, columns);
    }

    /** The same tables and columns as {@code before}, read now; a table or column gone shows as its error. */
    static TableSnapshot of(Connection c, TableSnapshot before) {
        return over(c, before.columns());
    }

    private static TableSnapshot over(Connection c, Map<String, List<String>> columns) {
        Map<String, String> content = new TreeMap<>();
        columns.forEach((table, cols) -> content.put(table, content(c, table, cols)));
        return new TableSnapshot(columns, content);
    }

    /** Tables without any row (a data fixture should cover every table). */
    List<String> emptyTables() {
        return content.entrySet().stream().filter(e -> e.getValue().startsWith("0 ")).map(Map.Entry::getKey).toList();
    }

    private static String content(Connection c, String table, List<String> cols) {
        String sql = "select " + String.join(", ", cols.stream().map(TableSnapshot::quote).toList()) + " from " + quote(table);
        List<String> rows = new ArrayList<>();
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= cols.size(); i++) {
                    String v = rs.getString(i);
                    row.append(v == null ? "-1:" : v.length() + ":" + v).append('|');
                }
                rows.add(row.toString());
            }
        } catch (SQLException e) {
            return "不可读：" + e.getMessage();
        }
        rows.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            rows.forEach(r -> sha.update((r + "\n").getBytes(StandardCharsets.UTF_8)));
            return rows.size() + " 行，内容校验 " + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
