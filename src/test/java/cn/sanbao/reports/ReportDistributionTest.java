package cn.sanbao.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.notify.Notifications;
import cn.sanbao.notify.OutboxMessage;

/** The distribution list gets one mail per address with the download links, queued as e-mails in the notification module. */
class ReportDistributionTest {

    final ReportArchiveRepository archive = mock(ReportArchiveRepository.class);
    final AuditLog audit = mock(AuditLog.class);

    {
        when(archive.find(7L)).thenReturn(Optional.of(new ReportArchiveRepository.Entry(7, "PROVINCE_MONTHLY", "2021-03", null, "PDF",
                "2021年3月全区“三保”运行监测月报", "a.pdf", "application/pdf", 10, 1, 5L, "1,5", "SCHEDULED", "system",
                LocalDateTime.now())));
    }

    /** The notification module as reports see it: queued mails, and a mail server that accepts or is absent. */
    static final class FakeNotifications implements Notifications {
        final Map<String, OutboxMessage> queued = new LinkedHashMap<>();
        final List<OutboxMessage> sent = new ArrayList<>();
            boolean configured = true;
        String refusal;

        public boolean queued(String key) { return queued.containsKey(key); }
        public void queue(Message m, LocalDateTime at) {
            queued.put(m.idempotencyKey(), new OutboxMessage(queued.size() + 1, 0, 0, m.unitCode(), m.recipientType(), m.recipientName(),
                    m.channel(), m.address(), m.subject(), m.body(), m.idempotencyKey(), OutboxMessage.PENDING, 0, null, null, at, at, at,
                    null, null));
        }
        public boolean configured(String channel) { return configured; }
        public Optional<OutboxMessage> deliverNow(String key) {
            OutboxMessage m = queued.get(key);
            if (!OutboxMessage.PENDING.equals(m.status())) return Optional.of(m);
            OutboxMessage after = refusal != null ? with(m, OutboxMessage.PENDING, refusal) : with(m, OutboxMessage.SENT, null);
            if (refusal == null) sent.add(after);
            queued.put(key, after);
            return Optional.of(after);
        }
        public List<OutboxMessage> ofWarning(long id) { return List.of(); }
        public List<OutboxMessage> ofPublication(long id) { return List.of(); }
        public List<OutboxMessage> byKeys(java.util.Collection<String> keys) {
            return keys.stream().map(queued::get).filter(java.util.Objects::nonNull).toList();
        }

        private static OutboxMessage with(OutboxMessage m, String status, String error) {
            return new OutboxMessage(m.id(), 0, 0, m.unitCode(), m.recipientType(), m.recipientName(), m.channel(), m.address(),
                    m.subject(), m.body(), m.idempotencyKey(), status, m.attempts() + 1, null, null, m.nextAttemptAt(), m.ageFrom(),
                    m.createdAt(), null, error);
        }
    }

    final FakeNotifications notify = new FakeNotifications();

    @Test
    void mailsEachAddressWithTheDownloadLinkAndLogsIt() {
        ReportDistribution d = new ReportDistribution(List.of("leader@example.cn", " office@example.cn "), "https://sanbao.example.cn/",
                notify, archive, audit, provider(null));
        assertThat(d.distribute(List.of(7L))).isEqualTo(2);
        List<OutboxMessage> sent = notify.sent;
        assertThat(sent).extracting(OutboxMessage::address).containsExactly("leader@example.cn", "office@example.cn");
        assertThat(sent).extracting(OutboxMessage::channel).containsOnly("EMAIL");
        assertThat(sent.get(0).subject()).isEqualTo("2021年3月全区“三保”运行监测月报");
        assertThat(sent.get(0).body()).contains("https://sanbao.example.cn/reports/7/download");
        assertThat(sent.get(0).idempotencyKey()).isNotEqualTo(sent.get(1).idempotencyKey());
        verify(archive).delivery(eq(7L), eq("EMAIL"), eq("leader@example.cn"), eq(ReportDistribution.SENT), anyString(), any());
    }

    @Test
    void distributingTheSameReportAgainMailsNobodyTwice() {
        ReportDistribution d = new ReportDistribution(List.of("leader@example.cn"), "http://localhost:8080", notify, archive, audit,
                provider(null));
        d.distribute(List.of(7L));
        d.distribute(List.of(7L));
        assertThat(notify.queued).hasSize(1);
        assertThat(notify.sent).hasSize(1);
    }

    @Test
    void aMailTheServerRefusedIsLoggedWithTheReasonAndLeftToTheOutboxToRetry() {
        notify.refusal = "邮件发送失败：550 mailbox unavailable";
        ReportDistribution d = new ReportDistribution(List.of("leader@example.cn"), "http://localhost:8080", notify, archive, audit,
                provider(null));
        assertThat(d.distribute(List.of(7L))).isZero();
        assertThat(notify.queued.values()).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(OutboxMessage.PENDING));
        verify(archive).delivery(eq(7L), eq("EMAIL"), eq("leader@example.cn"), eq(ReportDistribution.ERROR),
                eq("邮件发送失败：550 mailbox unavailable"), any());
    }

    @Test
    void withoutAMailServerNothingIsSentAndTheReasonIsLogged() {
        notify.configured = false;
        ReportDistribution d = new ReportDistribution(List.of("leader@example.cn"), "http://localhost:8080",
                notify, archive, audit, provider(null));
        assertThat(d.distribute(List.of(7L))).isZero();
        assertThat(notify.queued).isEmpty();
        verify(archive).delivery(eq(7L), eq("EMAIL"), eq("leader@example.cn"), eq(ReportDistribution.WAITING),
                org.mockito.ArgumentMatchers.contains("未配置"), any());
    }

    @SuppressWarnings("unchecked")
    private static <T> ObjectProvider<T> provider(T value) {
        ObjectProvider<T> p = mock(ObjectProvider.class);
        when(p.getIfAvailable()).thenReturn(value);
        when(p.getIfAvailable(any())).thenAnswer(a -> value != null ? value : ((java.util.function.Supplier<T>) a.getArgument(0)).get());
        return p;
    }
}
