package cn.sanbao.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Prints which database a {@link BothDatabases} class runs on, so the console and the surefire report show it. */
class DatabaseBanner implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (context.getRequiredTestClass().isMemberClass()) return; // the enclosing class said it already
        System.out.println("[" + TestDatabase.PROPERTY + "=" + TestDatabase.selected().name().toLowerCase(java.util.Locale.ROOT)
                + "] " + context.getRequiredTestClass().getName() + " 在 " + TestDatabase.selected().productName() + " 上运行");
    }
}
