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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.notify.channel.EmailChannel;
import cn.sanbao.notify.OutboxMessage;

/** The distribution list gets one mail per address with the download links, through the warnings e-mail channel. */
class ReportDistributionTest {

    final ReportArchiveRepository archive = mock(ReportArchiveRepository.class);
    final AuditLog audit = mock(AuditLog.class);
    final List<OutboxMessage> sent = new ArrayList<>();

    {
        when(archive.find(7L)).thenReturn(Optional.of(new ReportArchiveRepository.Entry(7, "PROVINCE_MONTHLY", "2021-03", null, "PDF",
                "2021年3月全区“三保”运行监测月报", "a.pdf", "application/pdf", 10, 1, 5L, "1,5", "SCHEDULED", "system",
                LocalDateTime.now())));
    }

    @Test
    void mailsEachAddressWithTheDownloadLinkAndLogsIt() {
        EmailChannel channel = new EmailChannel(null, "sanbao@example.cn") {
            @Override
            public boolean configured() {
                return true;
            }

            @Override
            public void send(OutboxMessage m) {
                sent.add(m);
            }
        };
        ReportDistribution d = new ReportDistribution(List.of("leader@example.cn", " office@example.cn "), "https://sanbao.example.cn/",
                provider(channel), archive, audit, provider(null));
        assertThat(d.distribute(List.of(7L))).isEqualTo(2);
        assertThat(sent).extracting(OutboxMessage::address).containsExactly("leader@example.cn", "office@example.cn");
        assertThat(sent.get(0).subject()).isEqualTo("2021年3月全区“三保”运行监测月报");
        assertThat(sent.get(0).body()).contains("https://sanbao.example.cn/reports/7/download");
        assertThat(sent.get(0).idempotencyKey()).isNotEqualTo(sent.get(1).idempotencyKey());
        verify(archive).delivery(eq(7L), eq("EMAIL"), eq("leader@example.cn"), eq(ReportDistribution.SENT), anyString(), any());
    }

    @Test
    void withoutAMailServerNothingIsSentAndTheReasonIsLogged() {
        ReportDistribution d = new ReportDistribution(List.of("leader@example.cn"), "http://localhost:8080",
                provider(new EmailChannel(null, "")), archive, audit, provider(null));
        assertThat(d.distribute(List.of(7L))).isZero();
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
