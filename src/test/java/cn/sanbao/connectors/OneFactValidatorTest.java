package cn.sanbao.connectors;

import cn.sanbao.testsupport.BothDatabases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.sanbao.facts.FactRepository;
import cn.sanbao.intake.FileImportService;
import cn.sanbao.intake.Finding;
import cn.sanbao.intake.IntakeRejectedException;
import cn.sanbao.intake.PushService;
import cn.sanbao.kernel.Period;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Upload, push API and connector all check figures with the facts module's one validator: the same bad value
 * gets the same reason on every path, and each stored import leaves exactly one audit entry. Periods 2037-0x
 * belong to this class.
 */
@SpringBootTest(properties = "sanbao.connectors.tick=PT1H")
@BothDatabases
class OneFactValidatorTest {

    static final String NEGATIVE = "保工资累计支出不能为负数：-800.25";

    @Autowired FileImportService files;
    @Autowired PushService pushes;
    @Autowired ConnectorService connectors;
    @Autowired ConnectorRunner runner;
    @Autowired FactRepository facts;
    @Autowired JdbcClient jdbc;

    static byte[] csv(String period, String row) {
        return ("三保运行监测数据报送模板（月报）\n期间," + period + ",金额单位,万元\n"
                + "单位代码 unit_code,单位名称 unit_name,国库库款余额（万元） cash_balance,保工资累计支出（万元） paid_wage\n"
                + row + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static String pushBody(String period, String paidWage) {
        return "{\"period\": \"" + period + "\", \"amountUnit\": \"万元\", \"units\": [{\"unitCode\": \"640422\", "
                + "\"values\": {\"cash_balance\": 1234.5, \"paid_wage\": " + paidWage + "}}]}";
    }

    long connectorFor(String name, String paidWage) throws Exception {
        BudgetSystemFixture source = BudgetSystemFixture.empty();
        try (Connection c = source.owner(); Statement s = c.createStatement()) {
            s.execute("create table gz (dwdm varchar(32), sz numeric(20, 2))");
            s.executeUpdate("insert into gz values ('DW640422', " + paidWage + ")");
            s.execute("grant select on all tables in schema public to " + BudgetSystemFixture.READER);
        }
        long id = connectors.save("analyst", new Connector(0, name + System.nanoTime(), source.url, BudgetSystemFixture.READER,
                "0 0 6 * * *", Connector.PeriodRule.PREVIOUS_MONTH, true, 1000, 60, 2, 0, null, null, null),
                BudgetSystemFixture.READER_PASSWORD);
        connectors.saveUnitCodes("analyst", id, "DW640422,640422");
        connectors.saveQuery("analyst", new Connector.Query(0, id, "工资", Connector.Kind.ITEM, "paid_wage", "select dwdm, sz from gz",
                Connector.Query.parseColumns("unit=dwdm\nvalue=sz", Connector.Kind.ITEM), null));
        return id;
    }

    @Test
    void aNegativeWageGetsTheSameReasonThroughUploadPushAndConnector() throws Exception {
        long before = facts.latestRevisionId();
        IntakeRejectedException upload = catchThrowableOfType(IntakeRejectedException.class, () -> files.importFile("负数.csv",
                csv("2037-01", "640422,西吉县,1234.5,-800.25"), Period.parse("2037-01"), "analyst", u -> true, u -> true, false));
        IntakeRejectedException push = catchThrowableOfType(IntakeRejectedException.class, () -> pushes.push(
                "neg-" + System.nanoTime(), pushBody("2037-01", "-800.25"), "analyst", u -> true, u -> true, false));
        ConnectorRunner.Outcome connector = runner.run(connectorFor("负数", "-800.25"), Period.parse("2037-01"), "MANUAL", "analyst");

        assertThat(upload.findings()).extracting(Finding::reason).containsExactly(NEGATIVE);
        assertThat(upload.findings().get(0).row()).isEqualTo(4);
        assertThat(push.findings()).extracting(Finding::reason).containsExactly(NEGATIVE);
        assertThat(connector.status()).isEqualTo(ConnectorRun.Status.REJECTED);
        assertThat(connector.problems()).singleElement().satisfies(p -> assertThat(p).endsWith("：" + NEGATIVE).contains("查询“工资”"));
        assertThat(facts.latestRevisionId()).isEqualTo(before);
    }

    @Test
    void eachStoredImportLeavesExactlyOneAuditEntry() throws Exception {
        long upload = files.importFile("正常.csv", csv("2037-03", "640422,西吉县,1234.5,800.25"), Period.parse("2037-03"),
                "analyst", u -> true, u -> true, false).revisionId();
        long push = pushes.push("ok-" + System.nanoTime(), pushBody("2037-05", "900"), "analyst", u -> true, u -> true, false)
                .result().revisionId();
        long connector = runner.run(connectorFor("正常", "1000"), Period.parse("2037-07"), "MANUAL", "analyst").revisionId();
        long direct = facts.createRevision("DEMO", "直接保存", "analyst", null,
                List.of(new cn.sanbao.facts.FactValue("640422", "2037-09", "cash_balance", new java.math.BigDecimal("1.00"))));

        assertThat(List.of(upload, push, connector, direct)).allSatisfy(rev -> assertThat(jdbc.sql(
                "select action from audit_event where target = :t").param("t", "revision:" + rev).query(String.class).list())
                .as("revision #" + rev).hasSize(1));
        assertThat(jdbc.sql("select action from audit_event where target = :t").param("t", "revision:" + upload)
                .query(String.class).single()).isEqualTo("INTAKE_FILE");
    }
}
