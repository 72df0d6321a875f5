package cn.sanbao.testsupport;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/** Properties every database test needs, placed ahead of application.properties. */
final class TestProperties {

    /** Spring Boot's auto-configuration of sessions in the database. */
    public static final String JDBC_SESSIONS = "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration";

    private TestProperties() {}

    static void apply(ConfigurableApplicationContext context, Map<String, Object> datasource) {
        Map<String, Object> props = new HashMap<>(datasource);
        // tests bring their own data; the demo loader must not fill the database
        props.put("sanbao.demo.enabled", "false");
        // scheduled reports are started by the tests themselves
        props.put("sanbao.reports.schedule.weekly", "-");
        props.put("sanbao.reports.schedule.monthly", "-");
        // so are the reports of a published month, unless the test class asks for them (MonthlyReportsOnPublication)
        if (!context.getEnvironment().getPropertySources().contains(MonthlyReportsOnPublication.SOURCE))
            props.put("sanbao.reports.on-publication", "false");
        // the audit key lives outside the database; each context anchors its chain in its own file
        props.put("sanbao.audit.key", "test-audit-key-not-for-production");
        props.put("sanbao.audit.anchor-file", System.getProperty("java.io.tmpdir") + "/sanbao-anchor-" + java.util.UUID.randomUUID() + ".log");
        // MockMvc tests hand a MockHttpSession from request to request, which a database session store cannot see:
        // they keep sessions in the servlet container; the cluster tests (cn.sanbao.ops) run with the database store
        props.put("spring.autoconfigure.exclude", JDBC_SESSIONS);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sanbao-test-database", props));
    }
}
