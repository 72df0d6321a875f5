package cn.sanbao.reports;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.notify.channel.DeliveryException;
import cn.sanbao.notify.channel.EmailChannel;
import cn.sanbao.notify.OutboxMessage;

/**
 * Tells the configured distribution list (sanbao.reports.distribution, comma-separated e-mail addresses) that a
 * scheduled report is ready, through the warnings e-mail channel. The mail carries the download link, not the
 * file: the reader signs in, so scope and audit apply. Each attempt is logged in report_delivery.
 */
@Component
class ReportDistribution {

    static final String SENT = "SENT";
    static final String WAITING = "NOT_CONFIGURED";
    static final String ERROR = "ERROR";

    private final List<String> addresses;
    private final String baseUrl;
    private final ObjectProvider<EmailChannel> email;
    private final ReportArchiveRepository archive;
    private final AuditLog audit;
    private final Clock clock;

    ReportDistribution(@Value("${sanbao.reports.distribution:}") List<String> addresses,
                       @Value("${sanbao.reports.base-url:http://localhost:8080}") String baseUrl,
                       ObjectProvider<EmailChannel> email, ReportArchiveRepository archive, AuditLog audit, ObjectProvider<Clock> clock) {
        this.addresses = addresses.stream().map(String::trim).filter(a -> !a.isEmpty()).toList();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.email = email;
        this.archive = archive;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** Sends one mail per address listing the files; returns how many were handed to the mail server. */
    int distribute(List<Long> reportIds) {
        if (addresses.isEmpty() || reportIds.isEmpty()) return 0;
        List<ReportArchiveRepository.Entry> files = reportIds.stream().map(id -> archive.find(id).orElseThrow()).toList();
        String title = files.get(0).title();
        StringBuilder body = new StringBuilder(title + " 已生成，请登录三保运行监测预警平台下载：\n");
        for (ReportArchiveRepository.Entry f : files) body.append(f.format()).append("：").append(baseUrl).append("/reports/").append(f.id()).append("/download\n");
        EmailChannel channel = email.getIfAvailable();
        int sent = 0;
        for (String address : addresses) {
            LocalDateTime now = LocalDateTime.now(clock);
            String status;
            String detail;
            if (channel == null || !channel.configured()) {
                status = WAITING;
                detail = "邮件渠道未配置（sanbao.warnings.mail.from 与 spring.mail.host），未发送";
            } else {
                OutboxMessage m = new OutboxMessage(0, 0, 0, files.get(0).unitCode(), "REPORT", address, "EMAIL", address,
                        title, body.toString(), "report-" + files.get(0).id() + "-" + address, OutboxMessage.PENDING, 0, null,
                        null, now, now, now, null, null);
                try {
                    channel.send(m);
                    status = SENT;
                    detail = "邮件服务器已接收";
                    sent++;
                } catch (DeliveryException | RuntimeException e) {
                    status = ERROR;
                    detail = e.getMessage();
                }
            }
            for (ReportArchiveRepository.Entry f : files) archive.delivery(f.id(), "EMAIL", address, status, detail, now);
            audit.record("system", "REPORT_DISTRIBUTE", "report:" + files.get(0).id(), address + "：" + detail);
        }
        return sent;
    }
}
