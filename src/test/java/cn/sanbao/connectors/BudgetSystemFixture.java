package cn.sanbao.connectors;

import cn.sanbao.demo.DemoDataGenerator;
import cn.sanbao.demo.DemoFact;
import cn.sanbao.kernel.Period;
import cn.sanbao.testsupport.EmbeddedPostgresSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A budget-system database on the embedded PostgreSQL server, filled from the demo year, with a read-only account.
 * {@link #queries()} are the connector queries that re-create the demo year from it (the example in docs/connectors.md).
 */
public final class BudgetSystemFixture {

    public static final String READER = "ysyth_reader";
    public static final String READER_PASSWORD = "reader-secret-2021";

    /** Platform item → (table, column) of the period tables. */
    static final Map<String, String[]> WIDE = new LinkedHashMap<>();

    static {
        WIDE.put("cash_balance", new String[] {"gk_kkqj", "kkye"});
        WIDE.put("cash_inflow", new String[] {"gk_kkqj", "kklr"});
        WIDE.put("cash_outflow", new String[] {"gk_kkqj", "kklc"});
        WIDE.put("paid_wage", new String[] {"zf_zcjd", "bgz"});
        WIDE.put("paid_operation", new String[] {"zf_zcjd", "byz"});
        WIDE.put("paid_livelihood", new String[] {"zf_zcjd", "bms"});
        WIDE.put("paid_other_rigid", new String[] {"zf_zcjd", "qtgx"});
        WIDE.put("offstaff_headcount", new String[] {"bw_ryqk", "rs"});
        WIDE.put("debt_service_due", new String[] {"zw_zwqk", "yhbx"});
        WIDE.put("debt_service_funded", new String[] {"zw_zwqk", "yhbx_yh"});
        WIDE.put("hidden_debt_funded", new String[] {"zw_zwqk", "ychj"});
    }

    public final String url;
    final List<DemoFact> demo;

    private BudgetSystemFixture(String url, List<DemoFact> demo) {
        this.url = url;
        this.demo = demo;
    }

    public static String sourceCode(String unit) {
        return "DW" + unit;
    }

    /** A fresh source database holding the demo year. */
    public static BudgetSystemFixture demoYear() throws SQLException {
        BudgetSystemFixture f = empty();
        f.fill(new DemoDataGenerator().generate());
        return f;
    }

    public static BudgetSystemFixture empty() throws SQLException {
        String url = EmbeddedPostgresSupport.createDatabase();
        try (Connection c = DriverManager.getConnection(url, EmbeddedPostgresSupport.username(), EmbeddedPostgresSupport.password());
             Statement s = c.createStatement()) {
            s.execute(new String(BudgetSystemFixture.class.getResourceAsStream("/connectors/budget-system.sql").readAllBytes(),
                    StandardCharsets.UTF_8));
            s.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + READER + "') then "
                    + "create role " + READER + " login password '" + READER_PASSWORD + "'; end if; end $$");
            s.execute("grant select on all tables in schema public to " + READER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BudgetSystemFixture(url, List.of());
    }

    private void fill(List<DemoFact> facts) throws SQLException {
        try (Connection c = owner()) {
            c.setAutoCommit(false);
            Map<String, Map<String, BigDecimal>> wide = new LinkedHashMap<>(); // table|unit|period → column → value
            try (PreparedStatement zb = c.prepareStatement("insert into ysgl_zbxx values (?, ?, ?, ?)");
                 PreparedStatement qt = c.prepareStatement("insert into jc_qtsj values (?, ?, ?, ?)")) {
                for (DemoFact f : facts) {
                    Period p = Period.parse(f.period());
                    String[] tc = WIDE.get(f.itemCode());
                    if (p.type() == Period.Type.YEAR) {
                        zb.setString(1, sourceCode(f.unitCode()));
                        zb.setInt(2, p.year());
                        zb.setString(3, f.itemCode());
                        zb.setBigDecimal(4, f.amount());
                        zb.addBatch();
                    } else if (tc != null) {
                        wide.computeIfAbsent(tc[0] + "|" + f.unitCode() + "|" + f.period(), k -> new LinkedHashMap<>()).put(tc[1], f.amount());
                    } else {
                        qt.setString(1, sourceCode(f.unitCode()));
                        qt.setString(2, f.period());
                        qt.setString(3, f.itemCode());
                        qt.setBigDecimal(4, f.amount());
                        qt.addBatch();
                    }
                }
                zb.executeBatch();
                qt.executeBatch();
            }
            for (var e : wide.entrySet()) {
                String[] k = e.getKey().split("\\|");
                String cols = String.join(", ", e.getValue().keySet());
                try (PreparedStatement ps = c.prepareStatement("insert into " + k[0] + " (dwdm, qj, " + cols + ") values (?, ?"
                        + ", ?".repeat(e.getValue().size()) + ")")) {
                    ps.setString(1, sourceCode(k[1]));
                    ps.setString(2, k[2]);
                    int i = 3;
                    for (BigDecimal v : e.getValue().values()) ps.setBigDecimal(i++, v);
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
    }

    public Connection owner() throws SQLException {
        return DriverManager.getConnection(url, EmbeddedPostgresSupport.username(), EmbeddedPostgresSupport.password());
    }

    /** name → (item code or null, SQL, column mapping): the example configuration. */
    static Map<String, String[]> queries(List<String> annualItems) {
        Map<String, String[]> q = new LinkedHashMap<>();
        for (String item : annualItems)
            q.put("指标 " + item, new String[] {item, "select dwdm, je from ysgl_zbxx where cast(nd as varchar(4)) = :period "
                    + "and zbdm = '" + item + "' order by dwdm", "unit=dwdm\nvalue=je"});
        WIDE.forEach((item, tc) -> q.put(tc[0] + "." + tc[1], new String[] {item, "select dwdm, qj, " + tc[1] + " from " + tc[0]
                + " where qj = :period order by dwdm", "unit=dwdm\nperiod=qj\nvalue=" + tc[1]}));
        q.put("其他监测数据", new String[] {null, "select dwdm, xmdm, sz from jc_qtsj where qj = :period order by dwdm, xmdm",
                "unit=dwdm\nitem=xmdm\nvalue=sz"});
        return q;
    }

    /** The 库款日报 query of the example: every day of the run's period. */
    public static final String DAILY_SQL = "select dwdm, rq, kkye from gk_kkrb where rq between :from and :to order by dwdm, rq";
    public static final String DAILY_COLUMNS = "unit=dwdm\nday=rq\nbalance=kkye";

    /** Fills gk_kkrb with end-of-day balances (unit code → source code). */
    public void fillDaily(List<cn.sanbao.cashwatch.DailyBalance> days) throws SQLException {
        try (Connection c = owner(); PreparedStatement ps = c.prepareStatement("insert into gk_kkrb (dwdm, rq, kkye) values (?, ?, ?)")) {
            for (cn.sanbao.cashwatch.DailyBalance d : days) {
                ps.setString(1, sourceCode(d.unitCode()));
                ps.setObject(2, d.day());
                ps.setBigDecimal(3, d.balance());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public static final String PAYMENT_SQL = "select dwdm, zfrq, je, gnkm, jjkm, xmdm, ysdw from zf_zfpz "
            + "where zfrq between :from and :to order by pzid";
    public static final String PAYMENT_COLUMNS = "unit_code=dwdm\npay_date=zfrq\namount=je\nfunction_code=gnkm\neconomic_code=jjkm\n"
            + "project_code=xmdm\nagency=ysdw";
}
