package cn.sanbao.connectors;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs a connector's SQL against the source database, bounded so that no query can exhaust this server: the connection
 * is read-only (PostgreSQL then refuses any write), the statement has a timeout, rows are streamed with a fetch size
 * (auto-commit off, or the PostgreSQL driver buffers the whole result) and cut at the connector's row cap.
 * Named parameters :period, :from, :to, :unit are bound as values, never pasted into the SQL.
 */
final class SourceReader implements AutoCloseable {

    static final int FETCH_SIZE = 10_000;
    static final List<String> PARAMETERS = List.of("period", "from", "to", "unit");

    /** Called once per row with the 1-based row number; columns are found by {@link #index}. */
    interface Rows {
        void row(long rowNo, ResultSet rs) throws SQLException;
    }

    /** The query's result did not fit the mapping or the caps; the message is the user-facing reason. */
    static final class Refused extends RuntimeException {
        Refused(String message) { super(message); }
    }

    private final Connection connection;
    private final int maxRows;
    private final int timeoutSeconds;

    private SourceReader(Connection connection, int maxRows, int timeoutSeconds) {
        this.connection = connection;
        this.maxRows = maxRows;
        this.timeoutSeconds = timeoutSeconds;
    }

    static SourceReader open(Connector c, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", c.username());
        p.setProperty("password", password == null ? "" : password);
        DriverManager.setLoginTimeout(Math.min(30, c.timeoutSeconds()));
        Connection con = DriverManager.getConnection(c.jdbcUrl(), p);
        try {
            con.setReadOnly(true);
            con.setAutoCommit(false);
        } catch (SQLException e) {
            con.close();
            throw e;
        }
        return new SourceReader(con, c.maxRows(), c.timeoutSeconds());
    }

    /**
     * Streams the rows; returns the column labels (lower case). Checks first that every mapped source column is in
     * the result, so a query returning unexpected columns is refused before any row is read.
     */
    List<String> stream(String sql, Params params, List<String> required, Rows rows) throws SQLException {
        MapSqlParameterSource source = params.source();
        try {
            NamedParameterUtils.buildValueArray(NamedParameterUtils.parseSqlStatement(sql), source, null);
        } catch (org.springframework.dao.InvalidDataAccessApiUsageException e) {
            throw new Refused("SQL 中有不可用的参数（只能使用 :period、:from、:to、:unit）：" + e.getMessage());
        }
        JdbcTemplate t = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        t.setFetchSize(FETCH_SIZE);
        t.setMaxRows(maxRows + 1);
        t.setQueryTimeout(timeoutSeconds);
        List<String> labels = new ArrayList<>();
        try {
            read(t, sql, source, required, labels, rows);
        } finally {
            connection.rollback(); // read-only: end the transaction (also after a failed query), keep nothing open on the source
        }
        return labels;
    }

    private void read(JdbcTemplate t, String sql, MapSqlParameterSource source, List<String> required, List<String> labels, Rows rows) {
        new NamedParameterJdbcTemplate(t).query(sql, source, (ResultSet rs) -> {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) labels.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
            for (String col : required)
                if (!labels.contains(col.toLowerCase(Locale.ROOT)))
                    throw new Refused("查询结果没有列“" + col + "”（列映射要求此列）；查询返回的列：" + String.join("、", labels));
            long n = 0;
            while (rs.next()) {
                if (++n > maxRows)
                    throw new Refused("查询返回的行数超过本连接器的上限 " + maxRows + " 行，未保存；请缩小查询范围或调高上限");
                rows.row(n, rs);
            }
            return n;
        });
    }

    static int index(ResultSet rs, String column) throws SQLException {
        return rs.findColumn(column);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** The bound values of one run. unit null means every unit; after (a voucher id) only for an incremental payment read. */
    record Params(String period, LocalDate from, LocalDate to, String unit, Long after) {
        Params(String period, LocalDate from, LocalDate to, String unit) {
            this(period, from, to, unit, null);
        }

        MapSqlParameterSource source() {
            MapSqlParameterSource s = new MapSqlParameterSource(Map.of("period", period, "from", java.sql.Date.valueOf(from),
                    "to", java.sql.Date.valueOf(to))).addValue("unit", new SqlParameterValue(Types.VARCHAR, unit));
            return after == null ? s : s.addValue("after", after); // only the platform's own wrapping uses :after
        }
    }
}
