package cn.sanbao.testsupport;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

import java.util.List;

/**
 * Points the context of a {@link BothDatabases} class at a fresh database of the selected kind. The customizer is
 * part of the context cache key, so classes with the same configuration share one context (and database) per
 * JVM as before. Registered in META-INF/spring.factories of the test resources.
 */
public class DatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        BothDatabases both = TestContextAnnotationUtils.findMergedAnnotation(testClass, BothDatabases.class);
        if (both == null) return null;
        TestDatabase database = TestDatabase.selected();
        return new Customizer(database, database == TestDatabase.H2 && both.h2File());
    }

    /** A record: equal settings give equal cache keys. */
    record Customizer(TestDatabase database, boolean h2File) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            if (database == TestDatabase.POSTGRES) new PostgresInitializer().initialize(context);
            else if (h2File) new H2FileInitializer().initialize(context);
            else new H2Initializer().initialize(context);
        }
    }
}
