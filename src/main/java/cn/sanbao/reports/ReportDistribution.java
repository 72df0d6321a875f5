package cn.sanbao.reports;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.notify.Notifications;
import cn.sanbao.notify.OutboxMessage;

/**
 * Tells the configured distribution list (sanbao.reports.distribution, comma-separated e-mail addresses) that a
 * scheduled report is ready, as an e-mail through the notification module (cn.sanbao.notify). The mail carries the download link, not the
 * file: the reader signs in, so scope and audit apply. Each attempt is logged in report_delivery.
 */
@Component
class ReportDistribution {

    static final String SENT = "SENT";
    static final String WAITING = "NOT_CONFIGURED";
    static final String ERROR = "ERROR";
    private static final String EMAIL = "EMAIL";

    private final List<String> addresses;
    private final String baseUrl;
    private final Notifications notifications;
    private final ReportArchiveRepository archive;
    private final AuditLog audit;
    private final Clock clock;

    ReportDistribution(@Value("${sanbao.reports.distribution:}") List<String> addresses,
                       @Value("${sanbao.reports.base-url:http://localhost:8080}") String baseUrl,
                       Notifications notifications, ReportArchiveRepository archive, AuditLog audit, ObjectProvider<Clock> clock) {
        this.addresses = addresses.stream().map(String::trim).filter(a -> !a.isEmpty()).toList();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.notifications = notifications;
        this.archive = archive;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /**
     * Queues one mail per address listing the files in the notification outbox and hands it to the mail server at
     * once; a mail the server refused is retried by the outbox. Returns how many new mails the mail server accepted.
     */
    int distribute(List<Long> reportIds) {
        if (addresses.isEmpty() || reportIds.isEmpty()) return 0;
        List<ReportArchiveRepository.Entry> files = reportIds.stream().map(id -> archive.find(id).orElseThrow()).toList();
        ReportArchiveRepository.Entry first = files.get(0);
        String title = first.title();
        StringBuilder body = new StringBuilder(title + " 已生成，请登录三保运行监测预警平台下载：\n");
        for (ReportArchiveRepository.Entry f : files) body.append(f.format()).append("：").append(baseUrl).append("/reports/").append(f.id()).append("/download\n");
        int sent = 0;
        for (String address : addresses) {
            LocalDateTime now = LocalDateTime.now(clock);
            String status;
            String detail;
            if (!notifications.configured(EMAIL)) {
                status = WAITING;
                detail = "邮件渠道未配置（sanbao.warnings.mail.from 与 spring.mail.host），未发送";
            } else {
                // one key per report and address: distributing the same report again never mails anyone twice
                String key = "report-" + first.id() + "-" + UUID.nameUUIDFromBytes(address.getBytes(StandardCharsets.UTF_8));
                boolean fresh = !notifications.queued(key);
                if (fresh)
                    notifications.queue(new Notifications.Message(null, null, first.unitCode() == null ? "" : first.unitCode(),
                            "REPORT", "报告分发名单", EMAIL, address, title, body.toString(), key), now);
                OutboxMessage m = notifications.deliverNow(key).orElseThrow();
                if (OutboxMessage.SENT.equals(m.status())) {
                    status = SENT;
                    detail = "邮件服务器已接收";
                    if (fresh) sent++;
                } else {
                    status = ERROR;
                    detail = m.lastError() == null ? m.statusLabel() : m.lastError();
                }
            }
            for (ReportArchiveRepository.Entry f : files) archive.delivery(f.id(), EMAIL, address, status, detail, now);
            audit.record("system", "REPORT_DISTRIBUTE", "report:" + first.id(), address + "：" + detail);
        }
        return sent;
    }
}
