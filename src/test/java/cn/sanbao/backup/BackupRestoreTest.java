package cn.sanbao.backup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanbao.audit.AuditAnchor;
import cn.sanbao.audit.AuditKeys;
import cn.sanbao.audit.AuditRepository;
import cn.sanbao.audit.AuditTrail;
import cn.sanbao.audit.ChainCheck;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.region.RegionTree;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;
import cn.sanbao.testsupport.EmbeddedPostgresSupport;
import cn.sanbao.testsupport.TestDatabase;
import cn.sanbao.warnings.PublicationRepository;
import cn.sanbao.warnings.PublicationService;
import cn.sanbao.warnings.WarningsDemo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Backup and restore (docs/operations-backup.md): the demo year scored and published, a backup taken while the
 * platform runs, restored into an EMPTY database, which then holds the same revisions, results, cases and audit
 * records, and whose audit chain verifies with the same key and anchors.
 */
@SpringBootTest
@BothDatabases(h2File = true) // BACKUP TO needs a file database
class BackupRestoreTest {

    @Autowired DataSource ds;
    @Autowired JdbcClient jdbc;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired PublicationService publishing;
    @Autowired PublicationRepository publications;
    @Autowired RegionTree regions;
    @Autowired AuditKeys keys;
    @Autowired AuditAnchor anchor;
    @TempDir Path dir;

    /**
     * Backs up the running database into dir and restores it into a new empty database; returns that one.
     * H2: BACKUP TO of the running file database, unzipped into an empty directory and opened there.
     * PostgreSQL: logical backup through COPY, restored into a new empty database on the same server.
     */
    static DataSource backupAndRestore(DataSource source, Path dir) {
        if (TestDatabase.selected() == TestDatabase.POSTGRES) {
            PostgresBackup.backup(source, dir.resolve("backup"));
            DataSource empty = new DriverManagerDataSource(EmbeddedPostgresSupport.createDatabase(),
                    EmbeddedPostgresSupport.username(), EmbeddedPostgresSupport.password());
            PostgresBackup.restore(empty, dir.resolve("backup"));
            return empty;
        }
        Path zip = dir.resolve("sanbao-" + UUID.randomUUID() + ".zip");
        H2Backup.backup(source, zip);
        Path restored = dir.resolve("restored");
        H2Backup.restore(zip, restored);
        return new DriverManagerDataSource("jdbc:h2:file:" + restored.resolve("sanbao") + ";AUTO_SERVER=FALSE", "sa", "");
    }

    static final List<String> COMPARED = List.of(
            "select * from fact_revision order by id",
            "select * from fact order by 1, 2, 3, 4",
            "select * from scoring_run order by id",
            "select * from unit_result order by 1, 2",
            "select * from warning order by id",
            "select * from warning_case order by id",
            "select * from warning_case_event order by id",
            "select * from audit_event order by id",
            "select * from audit_chain_head",
            "select * from app_user order by username");

    @Test
    void aRestoredEmptyDatabaseHoldsTheSameRevisionsResultsCasesAndAVerifiedAuditChain() throws Exception {
        DemoData.ensureLoaded(facts, scoring, results);
        if (publications.latestPublication("2021-12").isEmpty())
            new WarningsDemo(publishing, publications, results, regions).publishDemoYear(2021);
        anchor.anchorNow();
        assertThat(jdbc.sql("select count(*) from warning_case").query(Long.class).single()).isPositive();
        ChainCheck before = new AuditTrail(new AuditRepository(jdbc), keys, anchor).verify();
        assertThat(before.intact()).as(before.reason()).isTrue();

        DataSource restored = backupAndRestore(ds, dir);
        JdbcClient copy = JdbcClient.create(restored);
        for (String sql : COMPARED) {
            List<Map<String, Object>> original = jdbc.sql(sql).query().listOfRows();
            assertThat(copy.sql(sql).query().listOfRows()).as(sql).isEqualTo(original);
        }
        ChainCheck after = new AuditTrail(new AuditRepository(copy), keys, anchor).verify();
        assertThat(after.intact()).as(after.reason()).isTrue();
        assertThat(after.checked()).isEqualTo(before.checked());
        assertThat(after.anchors()).isPositive();

        // the restored database goes on: new ids continue after the restored ones
        long maxId = copy.sql("select max(id) from fact_revision").query(Long.class).single();
        copy.sql("insert into fact_revision (source, label, row_count, created_by, created_at) values ('TEST', '恢复后', 0, 'test', current_timestamp)").update();
        assertThat(copy.sql("select max(id) from fact_revision").query(Long.class).single()).isGreaterThan(maxId);
    }
}
