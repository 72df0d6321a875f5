package cn.sanbao.upgrade;

import cn.sanbao.testsupport.EmbeddedPostgresSupport;
import org.junit.jupiter.api.Tag;

@Tag("postgres")
class UpgradePostgresTest extends UpgradeContract {

    @Override
    String vendor() {
        return "postgresql";
    }

    @Override
    Database newDatabase() {
        return new Database(EmbeddedPostgresSupport.createDatabase(), EmbeddedPostgresSupport.username(),
                EmbeddedPostgresSupport.password());
    }
}
