package cn.sanbao.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.sanbao.cashwatch.DailyCashWatch;
import cn.sanbao.demo.DemoCatalogue;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.ResolvedFact;
import cn.sanbao.testsupport.BothDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import cn.sanbao.warnings.Contact;
import cn.sanbao.warnings.PublicationRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Connectors against a budget-system database on embedded PostgreSQL, the platform on both databases. Each test
 * builds its own source database and connector (names are unique per test).
 */
@SpringBootTest(properties = {"sanbao.connectors.tick=PT1H", "sanbao.warnings.sms.url=http://127.0.0.1:1/sms",
        "sanbao.connectors.alert-to=SMS:13800000001, EMAIL:data@example.org"})
@BothDatabases
class ConnectorTest {

    @Autowired ConnectorService connectors;
    @Autowired ConnectorRunner runner;
    @Autowired FactRepository facts;
    @Autowired JdbcClient jdbc;
    @Autowired ConnectorAlerts alertList;
    @Autowired DailyCashWatch cash;
    @Autowired cn.sanbao.region.RegionTree regions;
    @Autowired cn.sanbao.notify.Notifications notifications;
    @Autowired PublicationRepository contacts;

    long connector(String name, BudgetSystemFixture source, String password, int maxRows) {
        return connector(connectors, name, source, password, maxRows);
    }

    /** A connector to the fixture database with the demo's unit-code mapping; names are unique per call. */
    static long connector(ConnectorService connectors, String name, BudgetSystemFixture source, String password, int maxRows) {
        Connector c = new Connector(0, name + System.nanoTime(), source.url, BudgetSystemFixture.READER, "0 0 6 * * *",
                Connector.PeriodRule.PREVIOUS_MONTH, true, maxRows, 60, 2, 0, null, null, null);
        long id = connectors.save("analyst", c, password);
        connectors.saveUnitCodes("analyst", id, DemoCatalogue.budgetUnits().stream()
                .filter(u -> DemoCatalogue.BUDGET_KINDS.contains(u.kind()))
                .map(u -> BudgetSystemFixture.sourceCode(u.code()) + "," + u.code()).collect(Collectors.joining("\n")));
        return id;
    }

    void itemQuery(long connector, String name, String item, String sql, String columns) {
        itemQuery(connectors, connector, name, item, sql, columns);
    }

    static void itemQuery(ConnectorService connectors, long connector, String name, String item, String sql, String columns) {
        connectors.saveQuery("analyst", new Connector.Query(0, connector, name, Connector.Kind.ITEM, item, sql,
                Connector.Query.parseColumns(columns, Connector.Kind.ITEM), null));
    }

    void paymentQuery(long connector) {
        connectors.saveQuery("analyst", new Connector.Query(0, connector, "支付凭证", Connector.Kind.PAYMENT, null,
                BudgetSystemFixture.PAYMENT_SQL, Connector.Query.parseColumns(BudgetSystemFixture.PAYMENT_COLUMNS, Connector.Kind.PAYMENT), null));
    }

    @Test
    void anAddressCarryingAPasswordIsRefusedBeforeItIsShownOrAudited() {
        for (String url : List.of("jdbc:postgresql://db:5432/budget?user=reader&password=Secret-1",
                "jdbc:postgresql://db:5432/budget?user=reader&PWD=Secret-1", "jdbc:mysql://reader:Secret-1@db:3306/budget",
                "jdbc:sqlserver://db:1433;databaseName=budget;password=Secret-1")) {
            Connector c = new Connector(0, "带密码的地址" + System.nanoTime(), url, "reader", "0 0 6 * * *",
                    Connector.PeriodRule.PREVIOUS_MONTH, true, 10, 60, 2, 0, null, null, null);
            assertThatThrownBy(() -> connectors.save("analyst", c, "x")).as(url)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不能写密码");
        }
        assertThat(jdbc.sql("select count(*) from audit_event where detail like '%Secret-1%'").query(Long.class).single()).isZero();
    }

    @Test
    void thePasswordIsStoredEncryptedAndNeverAudited() throws Exception {
        BudgetSystemFixture source = BudgetSystemFixture.empty();
        long id = connector("密码", source, BudgetSystemFixture.READER_PASSWORD, 10);
        String stored = jdbc.sql("select password_enc from connector where id = :id").param("id", id).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(BudgetSystemFixture.READER_PASSWORD);
        assertThat(connectors.password(id)).isEqualTo(BudgetSystemFixture.READER_PASSWORD);
        // saving without a password keeps it
        Connector c = connectors.require(id);
        connectors.save("analyst", new Connector(id, c.name(), c.jdbcUrl(), c.username(), "0 0 7 * * *", c.periodRule(), true,
                10, 60, 3, 0, null, null, null), "");
        assertThat(connectors.password(id)).isEqualTo(BudgetSystemFixture.READER_PASSWORD);
        assertThat(jdbc.sql("select count(*) from audit_event where detail like :pw")
                .param("pw", "%" + BudgetSystemFixture.READER_PASSWORD + "%").query(Long.class).single()).isZero();
    }

    @Test
    void badInputStoresNothingAndNamesConnectorQueryRowAndColumn() throws Exception {
        BudgetSystemFixture source = BudgetSystemFixture.empty();
        try (Connection c = source.owner(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into jc_qtsj values ('DW640422', '2031-03', 'wage_arrears', 5), ('DW999999', '2031-03', 'wage_arrears', 7), "
                    + "('DW640522', '2031-03', 'no_such_item', 1)");
            s.executeUpdate("insert into gk_kkqj (dwdm, qj, kkye) values ('DW640422', '2031-03', 100), ('DW640502', '2031-03', 200)");
            s.execute("create table bad_values (dwdm varchar(32), sz varchar(20))");
            s.executeUpdate("insert into bad_values values ('DW640424', '12,3a'), ('DW640424', '5')");
            s.execute("grant select on all tables in schema public to " + BudgetSystemFixture.READER);
        }
        long id = connector("坏数据", source, BudgetSystemFixture.READER_PASSWORD, 1000);
        itemQuery(id, "其他", null, "select dwdm, xmdm, sz from jc_qtsj where qj = :period order by dwdm", "unit=dwdm\nitem=xmdm\nvalue=sz");
        itemQuery(id, "文本数值", "cash_inflow", "select dwdm, sz from bad_values order by sz", "unit=dwdm\nvalue=sz");
        itemQuery(id, "少列", "cash_balance", "select dwdm, kkye as ye from gk_kkqj where qj = :period", "unit=dwdm\nvalue=kkye");
        itemQuery(id, "失败", "cash_outflow", "select dwdm, kklc from no_such_table", "unit=dwdm\nvalue=kklc");
        itemQuery(id, "重复", "livelihood_arrears", "select 'DW640422' as dwdm, 1 as sz union all select 'DW640422', 2",
                "unit=dwdm\nvalue=sz");
        long before = facts.latestRevisionId();

        ConnectorRunner.Outcome o = runner.run(id, Period.month(2031, 3), "MANUAL", "analyst");

        assertThat(o.status()).isEqualTo(ConnectorRun.Status.REJECTED);
        assertThat(facts.latestRevisionId()).isEqualTo(before);
        String name = connectors.require(id).name();
        assertThat(o.problems()).allSatisfy(p -> assertThat(p).startsWith("连接器“" + name + "”"));
        assertThat(o.problems()).anySatisfy(p -> assertThat(p).contains("第3行 查询“其他” 列“dwdm”").contains("未知的单位代码“DW999999”"));
        assertThat(o.problems()).anySatisfy(p -> assertThat(p).contains("第2行 查询“其他”").contains("未知的数据项“no_such_item”"));
        assertThat(o.problems()).anySatisfy(p -> assertThat(p).contains("第1行 查询“文本数值” 列“sz”").contains("不是数字：“12,3a”"));
        assertThat(o.problems()).anySatisfy(p -> assertThat(p).contains("查询“少列”").contains("没有列“kkye”").contains("ye"));
        assertThat(o.problems()).anySatisfy(p -> assertThat(p).contains("查询“失败”").contains("查询执行失败").contains("no_such_table"));
        assertThat(o.problems()).anySatisfy(p -> assertThat(p).contains("第2行 查询“重复” 列“sz”").contains("重复（首次出现在第1行"));
        assertThat(connectors.require(id).failures()).isEqualTo(1);
    }

    @Test
    void queriesRunReadOnlyWithinTheRowCap() throws Exception {
        BudgetSystemFixture source = BudgetSystemFixture.empty();
        try (Connection c = source.owner(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into gk_kkqj (dwdm, qj, kkye) select 'DW640422', '2032-' || lpad(g::text, 2, '0'), g from generate_series(1, 12) g");
            s.execute("grant insert on jc_qtsj to " + BudgetSystemFixture.READER); // even an account that may write cannot through a connector
        }
        long id = connector("只读", source, BudgetSystemFixture.READER_PASSWORD, 5);
        itemQuery(id, "写入", "wage_arrears", "with x as (insert into jc_qtsj values ('DW640422', :period, 'wage_arrears', 1) returning dwdm, sz) "
                + "select dwdm, sz from x", "unit=dwdm\nvalue=sz");
        itemQuery(id, "太多", "cash_balance", "select dwdm, kkye from gk_kkqj", "unit=dwdm\nvalue=kkye");
        ConnectorRunner.Outcome o = runner.run(id, Period.month(2032, 1), "MANUAL", "analyst");
        assertThat(o.status()).isEqualTo(ConnectorRun.Status.REJECTED);
        assertThat(o.problems()).anySatisfy(p -> assertThat(p).contains("查询“写入”").contains("read-only"));
        assertThat(o.problems()).anySatisfy(p -> assertThat(p).contains("查询“太多”").contains("超过本连接器的上限 5 行"));
        try (Connection c = source.owner(); Statement s = c.createStatement(); var rs = s.executeQuery("select count(*) from jc_qtsj")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void paymentDetailIsImportedMonthByMonthWithAWatermarkAndUnchangedRunsStoreNothing() throws Exception {
        BudgetSystemFixture source = BudgetSystemFixture.empty();
        try (Connection c = source.owner();
             PreparedStatement ps = c.prepareStatement("insert into zf_zfpz values (?, ?, ?, ?, '2010101', '30101', 'P-1', ?)")) {
            for (int i = 1; i <= 60; i++) {
                ps.setLong(1, i);
                ps.setString(2, i % 2 == 0 ? "DW640422" : "DW640522");
                ps.setObject(3, LocalDate.of(2033, 1, 1 + i % 28));
                ps.setBigDecimal(4, new BigDecimal(i + ".25"));
                ps.setString(5, i % 3 == 0 ? "教育局,第一小学" : "财政局");
                ps.addBatch();
            }
            ps.executeBatch();
        }
        long id = connector("支付", source, BudgetSystemFixture.READER_PASSWORD, 1000);
        paymentQuery(id);

        ConnectorRunner.Outcome dry = runner.run(id, Period.month(2033, 1), "DRY_RUN", "analyst");
        assertThat(dry.status()).isEqualTo(ConnectorRun.Status.DRY_RUN);
        assertThat(dry.preview()).isNotEmpty();
        assertThat(dry.preview().get(0)).contains("支付凭证", "640522", "2033-01-02");
        assertThat(facts.current(List.of("2033-01"), null)).isEmpty();

        ConnectorRunner.Outcome o = runner.run(id, Period.month(2033, 1), "MANUAL", "analyst");
        assertThat(o.status()).as(o.message() + o.problems()).isEqualTo(ConnectorRun.Status.STORED);
        assertThat(o.rows()).isEqualTo(60);
        Map<String, BigDecimal> wage = facts.current(List.of("2033-01"), null).stream().filter(f -> f.itemCode().equals("paid_wage"))
                .collect(Collectors.toMap(ResolvedFact::unitCode, ResolvedFact::amount));
        BigDecimal even = BigDecimal.ZERO, odd = BigDecimal.ZERO;
        for (int i = 1; i <= 60; i++) if (i % 2 == 0) even = even.add(new BigDecimal(i + ".25")); else odd = odd.add(new BigDecimal(i + ".25"));
        assertThat(wage).containsEntry("640422", even).containsEntry("640522", odd);
        assertThat(connectors.queries(id).get(0).watermark()).isEqualTo("2033-01-28");

        long latest = facts.latestRevisionId();
        ConnectorRunner.Outcome again = runner.run(id, Period.month(2033, 1), "MANUAL", "analyst");
        assertThat(again.status()).isEqualTo(ConnectorRun.Status.UNCHANGED);
        assertThat(again.duplicateOf()).isEqualTo(o.revisionId());
        assertThat(facts.latestRevisionId()).isEqualTo(latest);

        // a bad voucher refuses the whole month, naming query, row and source column
        try (Connection c = source.owner(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into zf_zfpz values (61, 'DW000000', '2033-01-05', 1, '2010101', '30101', null, null)");
        }
        ConnectorRunner.Outcome bad = runner.run(id, Period.month(2033, 1), "MANUAL", "analyst");
        assertThat(bad.status()).isEqualTo(ConnectorRun.Status.REJECTED);
        assertThat(bad.problems()).anySatisfy(p -> assertThat(p).contains("第61行 查询“支付凭证” 列“dwdm”").contains("DW000000"));
        assertThat(facts.latestRevisionId()).isEqualTo(latest);
    }

    @Test
    void aVoucherWatermarkMakesTheNextScheduledRunReadOnlyTheNewVouchers() throws Exception {
        BudgetSystemFixture source = BudgetSystemFixture.empty();
        vouchers(source, 1, 40);
        long id = connector("增量", source, BudgetSystemFixture.READER_PASSWORD, 1000);
        connectors.saveQuery("analyst", new Connector.Query(0, id, "支付凭证", Connector.Kind.PAYMENT, null,
                "select pzid, dwdm, zfrq, je, gnkm, jjkm, xmdm, ysdw from zf_zfpz where zfrq between :from and :to order by pzid",
                Connector.Query.parseColumns(BudgetSystemFixture.PAYMENT_COLUMNS + "\nwatermark=pzid", Connector.Kind.PAYMENT), null));
        ConnectorRunner.Outcome first = runner.run(id, Period.month(2036, 1), "SCHEDULE", null);
        assertThat(first.status()).as(first.message() + first.problems()).isEqualTo(ConnectorRun.Status.STORED);
        assertThat(first.rows()).isEqualTo(40);

        vouchers(source, 41, 45);
        ConnectorRunner.Outcome second = runner.run(id, Period.month(2036, 1), "SCHEDULE", null);
        assertThat(second.status()).as(second.message() + second.problems()).isEqualTo(ConnectorRun.Status.STORED);
        assertThat(second.rows()).as("only the vouchers after the watermark are read from the source").isEqualTo(5);
        // the month still holds all 45 payments: the platform's 40 and the 5 new ones
        assertThat(jdbc.sql("select count(*) from payment_detail where revision_id = :r").param("r", second.revisionId())
                .query(Long.class).single()).isEqualTo(45);
        BigDecimal all = BigDecimal.ZERO;
        for (int i = 1; i <= 45; i++) all = all.add(new BigDecimal(i + ".25"));
        assertThat(facts.current(List.of("2036-01"), null).stream().filter(f -> f.itemCode().equals("paid_wage"))
                .map(ResolvedFact::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(all);

        ConnectorRunner.Outcome none = runner.run(id, Period.month(2036, 1), "SCHEDULE", null);
        assertThat(none.rows()).isZero();
        assertThat(none.status()).isEqualTo(ConnectorRun.Status.UNCHANGED);
        // reading the whole month again gives exactly the same content as the continued one
        ConnectorRunner.Outcome full = runner.run(id, Period.month(2036, 1), "MANUAL", "analyst");
        assertThat(full.rows()).isEqualTo(45);
        assertThat(full.duplicateOf()).isEqualTo(second.revisionId());

        // a bad new voucher is named by its result row among the new rows
        try (Connection c = source.owner(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into zf_zfpz values (46, 'DW000000', '2036-01-05', 1, '2010101', '30101', null, null)");
        }
        ConnectorRunner.Outcome bad = runner.run(id, Period.month(2036, 1), "SCHEDULE", null);
        assertThat(bad.status()).isEqualTo(ConnectorRun.Status.REJECTED);
        assertThat(bad.problems()).anySatisfy(p -> assertThat(p).contains("第1行 查询“支付凭证” 列“dwdm”").contains("DW000000"));
    }

    private static void vouchers(BudgetSystemFixture source, int from, int to) throws Exception {
        try (Connection c = source.owner();
             PreparedStatement ps = c.prepareStatement("insert into zf_zfpz values (?, ?, ?, ?, '2010101', '30101', 'P-1', '财政局')")) {
            for (int i = from; i <= to; i++) {
                ps.setLong(1, i);
                ps.setString(2, i % 2 == 0 ? "DW640422" : "DW640522");
                ps.setObject(3, LocalDate.of(2036, 1, 1 + i % 28));
                ps.setBigDecimal(4, new BigDecimal(i + ".25"));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Test
    void failedRunsRetryWithBackOffAndAlertAfterTheLimit() throws Exception {
        BudgetSystemFixture source = BudgetSystemFixture.empty();
        // the embedded server trusts local connections, so an unreachable address stands for a failing source
        long id = connector("失败", source, "wrong-password", 10);
        Connector down = connectors.require(id);
        connectors.save("analyst", new Connector(id, down.name(), "jdbc:postgresql://127.0.0.1:1/ysyth", down.username(), down.cron(),
                down.periodRule(), true, 10, 5, 2, 0, null, null, null), "");
        itemQuery(id, "库款", "cash_balance", "select dwdm, kkye from gk_kkqj where qj = :period", "unit=dwdm\nvalue=kkye");
        LocalDateTime before = LocalDateTime.now();
        ConnectorRunner.Outcome o = runner.run(id, Period.month(2034, 1), "SCHEDULE", null);
        assertThat(o.status()).isEqualTo(ConnectorRun.Status.FAILED);
        assertThat(o.message()).contains("无法连接源数据库").doesNotContain("wrong-password");
        assertThat(connectors.password(id)).isEqualTo("wrong-password");
        Connector c = connectors.require(id);
        assertThat(c.failures()).isEqualTo(1);
        assertThat(c.retryAt()).isAfterOrEqualTo(before.plusMinutes(5)).isBefore(before.plusMinutes(6));
        assertThat(ConnectorScheduler.due(c, LocalDateTime.now())).isNull();
        assertThat(ConnectorScheduler.due(c, c.retryAt())).isEqualTo("RETRY");
        assertThat(alerts(id)).isZero();

        runner.run(id, Period.month(2034, 1), "RETRY", null);
        c = connectors.require(id);
        assertThat(c.failures()).isEqualTo(2);
        assertThat(java.time.Duration.between(c.lastRunAt(), c.retryAt()).toMinutes()).isEqualTo(10);
        assertThat(alerts(id)).isEqualTo(1);

        // the right password: the next run succeeds and clears the count
        connectors.save("analyst", new Connector(id, c.name(), source.url, c.username(), c.cron(), c.periodRule(), true,
                10, 60, 2, 0, null, null, null), BudgetSystemFixture.READER_PASSWORD);
        try (Connection k = source.owner(); Statement s = k.createStatement()) {
            s.executeUpdate("insert into gk_kkqj (dwdm, qj, kkye) values ('DW640422', '2034-01', 100)");
        }
        assertThat(runner.run(id, Period.month(2034, 1), "RETRY", null).status()).isEqualTo(ConnectorRun.Status.STORED);
        assertThat(connectors.require(id).failures()).isZero();
        assertThat(connectors.require(id).retryAt()).isNull();
    }

    @Test
    void aFailureStreakAlertsTheAnalystsOnceOnTheConfiguredChannelsAndASuccessEndsIt() throws Exception {
        // the analysts of the contacts screen, plus the deprecated sanbao.connectors.alert-to entries of this context
        if (contacts.contactsByRole(Contact.ANALYST).stream().noneMatch(k -> k.name().equals("赵分析")))
            contacts.addContact("640000", Contact.ANALYST, "赵分析", "监测处", "13900000009", null, "zhao@example.org");
        BudgetSystemFixture source = BudgetSystemFixture.empty();
        long id = connector("告警", source, BudgetSystemFixture.READER_PASSWORD, 10);
        itemQuery(id, "库款", "cash_balance", "select dwdm, kkye from gk_kkqj where qj = :period", "unit=dwdm\nvalue=kkye");
        Connector c = connectors.require(id);
        String good = c.jdbcUrl();
        connectors.save("analyst", new Connector(id, c.name(), "jdbc:postgresql://127.0.0.1:1/ysyth", c.username(), c.cron(),
                c.periodRule(), true, 10, 5, 2, 0, null, null, null), "");
        runner.run(id, Period.month(2035, 1), "SCHEDULE", null);
        assertThat(alertList.of(id, 10)).isEmpty();
        for (int retry = 0; retry < 3; retry++) runner.run(id, Period.month(2035, 1), "RETRY", null); // failures 2, 3, 4
        assertThat(connectors.require(id).failures()).isEqualTo(4);
        List<ConnectorAlerts.Alert> alerts = alertList.of(id, 10);
        assertThat(alerts).hasSize(1);
        ConnectorAlerts.Alert a = alerts.get(0);
        assertThat(a.failures()).isEqualTo(2);
        assertThat(a.detail()).contains(c.name()).contains("已连续失败 2 次").contains("无法连接源数据库");
        // SMS is configured: the analyst contact's phone and the configured number; e-mail has no gateway here, so it is
        // named and not queued
        assertThat(a.messages()).extracting(m -> m.recipientName() + " " + m.channel() + " " + m.address()).containsExactly(
                "赵分析 SMS 13900000009", ConnectorAlerts.CONFIGURED_NAME + " SMS 13800000001");
        assertThat(a.messages()).allSatisfy(m -> {
            assertThat(m.subject()).contains(c.name()).contains("连续失败 2 次");
            assertThat(m.statusLabel()).isIn("待发送", "等待重试", "发送中");
        });
        assertThat(a.note()).contains("电子邮件");
        assertThat(alerts(id)).isEqualTo(1);

        // a dry run neither breaks nor continues a streak; a success ends it, and the next streak alerts again
        connectors.save("analyst", new Connector(id, c.name(), good, c.username(), c.cron(), c.periodRule(), true, 10, 60, 2, 0,
                null, null, null), BudgetSystemFixture.READER_PASSWORD);
        try (Connection k = source.owner(); Statement s = k.createStatement()) {
            s.executeUpdate("insert into gk_kkqj (dwdm, qj, kkye) values ('DW640422', '2035-01', 100)");
        }
        assertThat(runner.run(id, Period.month(2035, 1), "RETRY", null).status()).isEqualTo(ConnectorRun.Status.STORED);
        assertThat(connectors.require(id).failures()).isZero();
        connectors.save("analyst", new Connector(id, c.name(), "jdbc:postgresql://127.0.0.1:1/ysyth", c.username(), c.cron(),
                c.periodRule(), true, 10, 5, 2, 0, null, null, null), "");
        runner.run(id, Period.month(2035, 1), "SCHEDULE", null);
        runner.run(id, Period.month(2035, 1), "DRY_RUN", "analyst");
        runner.run(id, Period.month(2035, 1), "RETRY", null);
        alerts = alertList.of(id, 10);
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).streakRun()).isGreaterThan(alerts.get(1).streakRun());
        assertThat(alerts.get(0).messages()).extracting(m -> m.recipientName() + " " + m.channel() + " " + m.address()).containsExactly(
                "赵分析 SMS 13900000009", ConnectorAlerts.CONFIGURED_NAME + " SMS 13800000001");
        assertThat(alerts.get(0).messages()).extracting(m -> m.idempotencyKey())
                .doesNotContainAnyElementsOf(a.messages().stream().map(m -> m.idempotencyKey()).toList());
        assertThat(jdbc.sql("select count(*) from warning_outbox where recipient_type = 'CONNECTOR' and address = '13800000001' "
                + "and idempotency_key like :k").param("k", "CONNECTOR-%").query(Long.class).single()).isGreaterThanOrEqualTo(2);
        assertThat(alerts(id)).isEqualTo(2);
    }

    @Test
    void theSchedulerRunsAConnectorWhenItsCronTimeHasCome() {
        Connector c = new Connector(1, "x", "jdbc:x", "u", "0 0 6 * * *", Connector.PeriodRule.PREVIOUS_MONTH, true, 1, 1, 1, 0,
                null, LocalDateTime.of(2026, 3, 1, 6, 0, 5), LocalDateTime.of(2026, 1, 1, 0, 0));
        assertThat(ConnectorScheduler.due(c, LocalDateTime.of(2026, 3, 2, 5, 59))).isNull();
        assertThat(ConnectorScheduler.due(c, LocalDateTime.of(2026, 3, 2, 6, 0))).isEqualTo("SCHEDULE");
        Connector off = new Connector(1, "x", "jdbc:x", "u", "0 0 6 * * *", Connector.PeriodRule.PREVIOUS_MONTH, false, 1, 1, 1, 0,
                null, null, LocalDateTime.of(2026, 1, 1, 0, 0));
        assertThat(ConnectorScheduler.due(off, LocalDateTime.of(2026, 3, 2, 6, 0))).isNull();
        assertThat(Connector.PeriodRule.PREVIOUS_MONTH.at(LocalDate.of(2026, 1, 15))).isEqualTo(Period.month(2025, 12));
    }

    private long alerts(long id) {
        return jdbc.sql("select count(*) from audit_event where action = 'CONNECTOR_ALERT' and target = :t")
                .param("t", "connector:" + id).query(Long.class).single();
    }

}
