package cn.sanbao.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import cn.sanbao.security.LoginThrottledEvent;
import cn.sanbao.notify.Notifications;
import cn.sanbao.notify.OutboxMessage;

/**
 * Metrics of the platform's own work, beside Boot's JVM, HTTP and pool metrics (names in docs/operations.md):
 * the outbox backlog and failed messages per channel, and sign-ins by outcome. Imports and scoring runs are
 * counted where they happen (intake.PaymentJobRepository, monitoring.ScoringRunService).
 */
@Component
class PlatformMetrics implements MeterBinder {

    private final OutboxBacklog outbox;
    private MeterRegistry registry;

    PlatformMetrics(OutboxBacklog outbox) {
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (String channel : Notifications.CHANNELS) {
            Gauge.builder("sanbao.outbox.backlog", outbox, o -> o.of(channel, true, null)).tag("channel", channel)
                    .description("Outbox messages waiting or being sent").register(registry);
            Gauge.builder("sanbao.outbox.failed", outbox, o -> o.of(channel, false, OutboxMessage.FAILED)).tag("channel", channel)
                    .description("Outbox messages given up (发送失败), until retried by hand").register(registry);
        }
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent e) {
        count("success");
    }

    /** Failed sign-ins by kind: a wrong password, a locked account (lock-out), or one refused by the throttle. */
    @EventListener
    void refused(AbstractAuthenticationFailureEvent e) {
        count(e instanceof AuthenticationFailureLockedEvent ? "locked"
                : e instanceof LoginThrottledEvent ? "throttled" : "failure");
    }

    private void count(String outcome) {
        if (registry != null) registry.counter("sanbao.logins", "outcome", outcome).increment();
    }
}
