package cn.sanbao.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** What a whole application instance on an embedded PostgreSQL database needs (as --name=value arguments or a context). */
public final class InstanceProperties {

    private InstanceProperties() {}

    public static Map<String, Object> of(String url, int port) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", port);
        p.put("spring.datasource.url", url);
        p.put("spring.datasource.username", EmbeddedPostgresSupport.username());
        p.put("spring.datasource.password", EmbeddedPostgresSupport.password());
        p.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
        p.put("spring.datasource.hikari.maximum-pool-size", "6");
        p.put("spring.main.banner-mode", "off");
        p.put("sanbao.demo.enabled", "false");
        p.put("sanbao.reports.schedule.weekly", "-");
        p.put("sanbao.reports.schedule.monthly", "-");
        p.put("sanbao.audit.key", "test-audit-key-not-for-production");
        p.put("sanbao.audit.anchor-file", System.getProperty("java.io.tmpdir") + "/sanbao-anchor-" + UUID.randomUUID() + ".log");
        return p;
    }

    /** As command-line arguments, which come before application.properties. */
    public static String[] args(Map<String, Object> props) {
        return props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
