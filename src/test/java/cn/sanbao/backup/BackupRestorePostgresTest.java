package cn.sanbao.backup;

import cn.sanbao.testsupport.EmbeddedPostgresSupport;
import cn.sanbao.testsupport.OnPostgres;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

/** PostgreSQL: logical backup through COPY, restored into a new empty database on the same server. */
@OnPostgres
class BackupRestorePostgresTest extends BackupRestoreContract {

    @Override
    DataSource backupAndRestore(DataSource source, Path dir) {
        PostgresBackup.backup(source, dir.resolve("backup"));
        DataSource empty = new DriverManagerDataSource(EmbeddedPostgresSupport.createDatabase(),
                EmbeddedPostgresSupport.username(), EmbeddedPostgresSupport.password());
        PostgresBackup.restore(empty, dir.resolve("backup"));
        return empty;
    }
}
