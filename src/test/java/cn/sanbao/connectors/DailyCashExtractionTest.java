package cn.sanbao.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sanbao.cashwatch.DailyBalance;
import cn.sanbao.cashwatch.DailyCashResult;
import cn.sanbao.cashwatch.DailyCashWatch;
import cn.sanbao.demo.DemoCatalogue;
import cn.sanbao.demo.DemoDataGenerator;
import cn.sanbao.demo.DemoFact;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.testsupport.BothDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 库款日报 by extraction: the demo's daily balances re-created from the budget system's 国库库款日报, and bad rows
 * refused with connector, query, row and column. Same context as {@link ConnectorTest} (same properties).
 */
@SpringBootTest(properties = {"sanbao.connectors.tick=PT1H", "sanbao.warnings.sms.url=http://127.0.0.1:1/sms",
        "sanbao.connectors.alert-to=SMS:13800000001, EMAIL:data@example.org"})
@BothDatabases
class DailyCashExtractionTest {

    @Autowired ConnectorService connectors;
    @Autowired ConnectorRunner runner;
    @Autowired FactRepository facts;
    @Autowired JdbcClient jdbc;
    @Autowired DailyCashWatch cash;
    @Autowired cn.sanbao.region.RegionTree regions;

    long connector(String name, BudgetSystemFixture source, String password, int maxRows) {
        return ConnectorTest.connector(connectors, name, source, password, maxRows);
    }

    void itemQuery(long connector, String name, String item, String sql, String columns) {
        ConnectorTest.itemQuery(connectors, connector, name, item, sql, columns);
    }

    @Test
    void theDemoYearIsRecreatedByExtractionAloneAndASecondRunStoresNothing() throws Exception {
        BudgetSystemFixture source = BudgetSystemFixture.demoYear();
        long id = connector("一体化演示", source, BudgetSystemFixture.READER_PASSWORD, 100_000);
        List<String> annual = DemoCatalogue.items().stream().filter(DemoCatalogue.Item::annual).map(DemoCatalogue.Item::code).toList();
        BudgetSystemFixture.queries(annual).forEach((name, q) -> itemQuery(id, name, q[0], q[1], q[2]));

        List<DemoFact> demo = new DemoDataGenerator().generate();
        List<Period> periods = demo.stream().map(DemoFact::period).distinct().map(Period::parse)
                .sorted((a, b) -> a.type() == b.type() ? a.compareTo(b) : a.type() == Period.Type.YEAR ? -1 : b.type() == Period.Type.YEAR ? 1 : a.compareTo(b))
                .toList();
        for (Period p : periods) {
            ConnectorRunner.Outcome o = runner.run(id, p, "MANUAL", "analyst");
            assertThat(o.status()).as(p + "：" + o.message() + o.problems()).isEqualTo(ConnectorRun.Status.STORED);
        }
        Set<String> expected = demo.stream().map(f -> f.unitCode() + "|" + f.period() + "|" + f.itemCode() + "|"
                + f.amount().setScale(2).toPlainString()).collect(Collectors.toSet());
        Set<String> extracted = facts.current(demo.stream().map(DemoFact::period).distinct().toList(), null).stream()
                .map(f -> f.unitCode() + "|" + f.period() + "|" + f.itemCode() + "|" + f.amount().setScale(2).toPlainString())
                .collect(Collectors.toSet());
        assertThat(extracted).hasSameSizeAs(expected).isEqualTo(expected);

        long revisions = facts.latestRevisionId();
        ConnectorRunner.Outcome again = runner.run(id, Period.month(2021, 6), "MANUAL", "analyst");
        assertThat(again.status()).isEqualTo(ConnectorRun.Status.UNCHANGED);
        assertThat(facts.latestRevisionId()).isEqualTo(revisions);
        // a changed figure in the source is a new revision of exactly that period
        try (Connection c = source.owner(); Statement s = c.createStatement()) {
            s.executeUpdate("update gk_kkqj set kkye = kkye + 100 where dwdm = 'DW640422' and qj = '2021-06'");
        }
        ConnectorRunner.Outcome changed = runner.run(id, Period.month(2021, 6), "MANUAL", "analyst");
        assertThat(changed.status()).isEqualTo(ConnectorRun.Status.STORED);
        assertThat(facts.valuesOf(changed.revisionId())).anySatisfy(v -> {
            assertThat(v.unitCode()).isEqualTo("640422");
            assertThat(v.itemCode()).isEqualTo("cash_balance");
        });

        // 库款日报: the demo daily balances (made from the extracted demo year, not stored) put into gk_kkrb and extracted
        List<DailyBalance> days = demoDailyBalances();
        assertThat(days).isNotEmpty();
        source.fillDaily(days);
        connectors.saveQuery("analyst", new Connector.Query(0, id, "库款日报", Connector.Kind.DAILY_CASH, null, BudgetSystemFixture.DAILY_SQL,
                Connector.Query.parseColumns(BudgetSystemFixture.DAILY_COLUMNS, Connector.Kind.DAILY_CASH), null));
        int year = days.get(0).day().getYear();
        ConnectorRunner.Outcome dryDaily = runner.run(id, Period.year(year), "DRY_RUN", "analyst");
        assertThat(dryDaily.status()).as(dryDaily.message() + dryDaily.problems()).isEqualTo(ConnectorRun.Status.DRY_RUN);
        assertThat(cash.latestDay()).isEmpty();
        ConnectorRunner.Outcome daily = runner.run(id, Period.year(year), "MANUAL", "analyst");
        assertThat(daily.status()).as(daily.message() + daily.problems()).isEqualTo(ConnectorRun.Status.STORED);
        assertThat(daily.message()).contains("库款日报已保存");
        Map<String, List<DailyBalance>> byUnit = days.stream().collect(Collectors.groupingBy(DailyBalance::unitCode));
        LocalDate first = days.stream().map(DailyBalance::day).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = days.stream().map(DailyBalance::day).max(LocalDate::compareTo).orElseThrow();
        byUnit.forEach((unit, demoDays) -> assertThat(cash.series(unit, first, last).stream()
                .map(l -> l.day() + "|" + l.balance().setScale(2).toPlainString()).toList()).as(unit)
                .isEqualTo(demoDays.stream().sorted(java.util.Comparator.comparing(DailyBalance::day))
                        .map(b -> b.day() + "|" + b.balance().setScale(2).toPlainString()).toList()));
        assertThat(cash.series("640422", first, last)).anySatisfy(l -> assertThat(l.daysBelowFloor()).isPositive());
        // nothing new in the source: the next run stores nothing
        ConnectorRunner.Outcome sameDaily = runner.run(id, Period.year(year), "MANUAL", "analyst");
        assertThat(sameDaily.status()).isEqualTo(ConnectorRun.Status.UNCHANGED);
        assertThat(sameDaily.message()).contains("与现有数据相同，未保存");
    }

    /** The demo loader's balances, captured instead of stored. */
    private List<DailyBalance> demoDailyBalances() {
        List<DailyBalance> captured = new java.util.ArrayList<>();
        DailyCashWatch recorder = new DailyCashWatch() {
            public DailyCashResult store(String source, String file, List<DailyBalance> rows, String actor) {
                captured.addAll(rows);
                return new DailyCashResult(null, rows.size(), 0, null, null);
            }
            public java.util.Optional<LocalDate> latestDay() { throw new UnsupportedOperationException(); }
            public List<cn.sanbao.cashwatch.DayLevel> series(String u, LocalDate f, LocalDate t) { throw new UnsupportedOperationException(); }
            public List<cn.sanbao.cashwatch.DayLevel> onDay(LocalDate d, java.util.function.Predicate<String> v) { throw new UnsupportedOperationException(); }
            public Map<String, List<cn.sanbao.cashwatch.DayLevel>> levels(LocalDate f, LocalDate t, java.util.function.Predicate<String> v) {
                throw new UnsupportedOperationException();
            }
            public cn.sanbao.kernel.CashBand band() { return cash.band(); }
        };
        new cn.sanbao.cashwatch.demo.CashWatchDemoLoader(recorder, null, facts, regions).load();
        return captured;
    }

    @Test
    void badDailyBalancesStoreNothingAndNameConnectorQueryRowAndColumn() throws Exception {
        BudgetSystemFixture source = BudgetSystemFixture.empty();
        try (Connection c = source.owner(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into gk_kkrb values ('DW640422', '2021-11-01', 100), ('DW999999', '2021-11-01', 5)");
            s.execute("create table bad_daily (dwdm varchar(32), rq date, kkye varchar(20))");
            s.executeUpdate("insert into bad_daily values ('DW640422', '2021-11-02', '12,3a')");
            s.execute("grant select on all tables in schema public to " + BudgetSystemFixture.READER);
        }
        long id = connector("坏日报", source, BudgetSystemFixture.READER_PASSWORD, 1000);
        String name = connectors.require(id).name();
        var before = cash.series("640422", LocalDate.of(2021, 11, 1), LocalDate.of(2021, 11, 2)); // other tests may have stored days
        String[][] cases = {
                {"未知单位", BudgetSystemFixture.DAILY_SQL, BudgetSystemFixture.DAILY_COLUMNS, "第2行 列“dwdm”：未知的单位编码“DW999999”"},
                {"重复", "select 'DW640422' as dwdm, date '2021-11-01' as rq, 1 as kkye union all select 'DW640422', date '2021-11-01', 2",
                        BudgetSystemFixture.DAILY_COLUMNS, "第2行 列“dwdm”：单位 640422 日期 2021-11-01 重复（首次出现在第1行）"},
                {"文本余额", "select dwdm, rq, kkye from bad_daily", BudgetSystemFixture.DAILY_COLUMNS, "第1行 列“kkye”：不是数字：“12,3a”"},
                {"少列", "select dwdm, rq, kkye as ye from gk_kkrb", BudgetSystemFixture.DAILY_COLUMNS, "查询结果没有列“kkye”"},
                {"失败", "select dwdm, rq, kkye from no_such_table", BudgetSystemFixture.DAILY_COLUMNS, "查询执行失败"}};
        for (String[] k : cases) {
            long q = connectors.saveQuery("analyst", new Connector.Query(0, id, k[0], Connector.Kind.DAILY_CASH, null, k[1],
                    Connector.Query.parseColumns(k[2], Connector.Kind.DAILY_CASH), null));
            ConnectorRunner.Outcome o = runner.run(id, Period.month(2021, 11), "MANUAL", "analyst");
            assertThat(o.status()).as(k[0] + o.message()).isEqualTo(ConnectorRun.Status.REJECTED);
            assertThat(o.problems()).as(k[0]).anySatisfy(p -> assertThat(p).startsWith("数据提取：" + name + " 查询 " + k[0]).contains(k[3]));
            connectors.deleteQuery("analyst", id, q);
        }
        assertThat(cash.series("640422", LocalDate.of(2021, 11, 1), LocalDate.of(2021, 11, 2))).isEqualTo(before);
        assertThatThrownBy(() -> Connector.Query.parseColumns("unit=dwdm\nday=rq", Connector.Kind.DAILY_CASH))
                .hasMessageContaining("缺少必填的平台列“balance”");
    }
}
