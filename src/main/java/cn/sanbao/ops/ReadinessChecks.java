package cn.sanbao.ops;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import cn.sanbao.facts.FactRepository;

/**
 * What readiness checks besides the database (docs/operations.md): every migration applied, the demo year loaded
 * when demo mode is on, and an outbox backlog below its limit. A failing check takes the instance out of the load
 * balancer (503 on /actuator/health/readiness) without restarting it.
 */
@Configuration
class ReadinessChecks {

    @Bean
    HealthIndicator flywayHealthIndicator(ObjectProvider<Flyway> flyway) {
        return () -> {
            Flyway f = flyway.getIfAvailable();
            if (f == null) return Health.unknown().build();
            int pending = f.info().pending().length;
            var h = pending == 0 ? Health.up() : Health.outOfService();
            return h.withDetail("current", String.valueOf(f.info().current() == null ? "-" : f.info().current().getVersion()))
                    .withDetail("pending", pending).build();
        };
    }

    @Bean
    HealthIndicator demoHealthIndicator(@Value("${sanbao.demo.enabled:false}") boolean demo, FactRepository facts) {
        return () -> {
            if (!demo) return Health.up().withDetail("demo", "off").build();
            return facts.latestRevisionId() > 0 ? Health.up().withDetail("demo", "loaded").build()
                    : Health.outOfService().withDetail("demo", "loading").build();
        };
    }

    @Bean
    HealthIndicator outboxHealthIndicator(OutboxBacklog outbox, @Value("${sanbao.ops.outbox-backlog-limit:10000}") long limit) {
        return () -> {
            long backlog = outbox.backlog();
            return (backlog <= limit ? Health.up() : Health.outOfService())
                    .withDetail("backlog", backlog).withDetail("limit", limit).build();
        };
    }
}
