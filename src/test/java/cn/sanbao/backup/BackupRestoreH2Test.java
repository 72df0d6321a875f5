package cn.sanbao.backup;

import cn.sanbao.testsupport.H2FileInitializer;
import org.junit.jupiter.api.Tag;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ContextConfiguration;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.UUID;

/** H2: BACKUP TO of the running file database, unzipped into an empty directory and opened there. */
@Tag("h2")
@ContextConfiguration(initializers = H2FileInitializer.class)
class BackupRestoreH2Test extends BackupRestoreContract {

    @Override
    DataSource backupAndRestore(DataSource source, Path dir) {
        Path zip = dir.resolve("sanbao-" + UUID.randomUUID() + ".zip");
        H2Backup.backup(source, zip);
        Path restored = dir.resolve("restored");
        H2Backup.restore(zip, restored);
        return new DriverManagerDataSource("jdbc:h2:file:" + restored.resolve("sanbao") + ";AUTO_SERVER=FALSE", "sa", "");
    }
}
