package cn.sanbao.notify.outbox;

import cn.sanbao.notify.channel.Channel;
import cn.sanbao.notify.channel.EmailChannel;
import cn.sanbao.notify.channel.SmsChannel;
import cn.sanbao.notify.channel.WeChatWorkChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Channels from properties (or environment variables: SANBAO_WARNINGS_SMS_URL, …, see docs/warnings.md)
 * and the scheduled dispatcher. A channel without its URL is not configured: its messages wait.
 */
@Configuration
@EnableScheduling
public class OutboxConfig {

    @Bean
    SmsChannel smsChannel(@Value("${sanbao.warnings.sms.url:}") String url,
                          @Value("${sanbao.warnings.sms.username:}") String user,
                          @Value("${sanbao.warnings.sms.password:}") String password) {
        return new SmsChannel(url, user, password);
    }

    @Bean
    WeChatWorkChannel weChatWorkChannel(@Value("${sanbao.warnings.wechat.url:}") String url) {
        return new WeChatWorkChannel(url);
    }

    @Bean
    EmailChannel emailChannel(ObjectProvider<JavaMailSender> sender, @Value("${sanbao.warnings.mail.from:}") String from) {
        return new EmailChannel(sender.getIfAvailable(), from);
    }

    @Bean
    DispatchPolicy dispatchPolicy(@Value("${sanbao.warnings.dispatch.base-backoff:PT30S}") Duration base,
                                  @Value("${sanbao.warnings.dispatch.max-backoff:PT30M}") Duration max,
                                  @Value("${sanbao.warnings.dispatch.max-age:PT24H}") Duration maxAge,
                                  @Value("${sanbao.warnings.dispatch.lease:PT5M}") Duration lease) {
        return new DispatchPolicy(base, max, maxAge, lease, 100);
    }

    @Bean
    OutboxDispatcher outboxDispatcher(OutboxRepository outbox, List<Channel> channels, DispatchPolicy policy,
                                      ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable();
        return new OutboxDispatcher(outbox, channels, policy, clock.getIfAvailable(Clock::systemDefaultZone),
                channel -> { if (registry != null) registry.counter("sanbao.outbox.failures", "channel", channel).increment(); });
    }

    @Bean
    DispatchSchedule dispatchSchedule(OutboxDispatcher dispatcher) {
        return new DispatchSchedule(dispatcher);
    }

    /** Runs the dispatcher every sanbao.warnings.dispatch.interval (default one minute). */
    static class DispatchSchedule {
        private final OutboxDispatcher dispatcher;

        DispatchSchedule(OutboxDispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Scheduled(fixedDelayString = "${sanbao.warnings.dispatch.interval:PT1M}",
                initialDelayString = "${sanbao.warnings.dispatch.initial-delay:PT30S}")
        @SchedulerLock(name = "outbox-dispatch", lockAtMostFor = "PT30M", lockAtLeastFor = "${sanbao.warnings.dispatch.lock-at-least-for:PT5S}")
        public void run() {
            dispatcher.dispatchDue();
        }
    }
}
