package cn.sanbao.notify.channel;

import cn.sanbao.notify.OutboxMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail over SMTP. The idempotency key is sent as header X-Idempotency-Key (mail relays and clients can
 * drop repeats by it); SMTP itself cannot tell a repeat, see docs/warnings.md.
 */
public class EmailChannel implements Channel {

    private final JavaMailSender sender;
    private final String from;

    public EmailChannel(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public String code() {
        return "EMAIL";
    }

    @Override
    public boolean configured() {
        return sender != null && from != null && !from.isBlank();
    }

    @Override
    public void send(OutboxMessage m) throws DeliveryException {
        try {
            MimeMessage mail = sender.createMimeMessage();
            MimeMessageHelper h = new MimeMessageHelper(mail, false, "UTF-8");
            h.setFrom(from);
            h.setTo(m.address());
            h.setSubject(m.subject());
            h.setText(m.body(), false);
            mail.setHeader("X-Idempotency-Key", m.idempotencyKey());
            sender.send(mail);
        } catch (MessagingException | MailException e) {
            throw new DeliveryException("邮件发送失败：" + e.getMessage(), e);
        }
    }
}
