package cn.sanbao.upgrade;

import java.util.UUID;

class UpgradeH2Test extends UpgradeContract {

    @Override
    String vendor() {
        return "h2";
    }

    @Override
    Database newDatabase() {
        return new Database("jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
}
