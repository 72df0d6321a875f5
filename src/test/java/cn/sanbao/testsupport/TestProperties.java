package cn.sanbao.testsupport;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/** Properties every database test needs, placed ahead of application.properties. */
final class TestProperties {

    private TestProperties() {}

    static void apply(ConfigurableApplicationContext context, Map<String, Object> datasource) {
        Map<String, Object> props = new HashMap<>(datasource);
        // tests bring their own data; the demo loader must not fill the database
        props.put("sanbao.demo.enabled", "false");
        // scheduled reports are started by the tests themselves
        props.put("sanbao.reports.schedule.weekly", "-");
        props.put("sanbao.reports.schedule.monthly", "-");
        // the audit key lives outside the database; each context anchors its chain in its own file
        props.put("sanbao.audit.key", "test-audit-key-not-for-production");
        props.put("sanbao.audit.anchor-file", System.getProperty("java.io.tmpdir") + "/sanbao-anchor-" + java.util.UUID.randomUUID() + ".log");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sanbao-test-database", props));
    }
}
