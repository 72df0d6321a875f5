package cn.sanbao.connectors;

import cn.sanbao.notify.Notifications;
import cn.sanbao.notify.OutboxMessage;
import cn.sanbao.warnings.Contact;
import cn.sanbao.warnings.ContactService;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells the analysts that a connector keeps failing, through the notification module's outbox (retries, delivery log):
 * one alert per failure streak, whatever the number of retries after it; a success ends the streak. Recipients are the
 * active 监测分析员 (ANALYST) contacts of the 预警设置 screen, on every channel they have an address for, as for daily cash
 * warnings: analysts are kept in one place. The older property sanbao.connectors.alert-to ("SMS:手机号", "WECHAT:机器人 key",
 * "EMAIL:邮箱", deprecated) still adds recipients for installations that set it. Only channels whose gateway is configured
 * get a message, the others are named in the alert's note.
 */
@Component
class ConnectorAlerts {

    static final String NO_RECIPIENT = "没有告警接收人（预警设置中没有启用且登记了手机、企业微信或邮箱的监测分析员联系人），未发送消息";

    /** One alert of a connector with its messages as they stand now in the outbox. */
    record Alert(long id, long connectorId, long streakRun, int failures, String detail, String note, LocalDateTime createdAt,
                 List<OutboxMessage> messages) {
    }

    /** Who an alert goes to on one channel: an analyst contact (by name) or an entry of the deprecated property. */
    record Recipient(String name, boolean contact, String channel, String address, boolean channelConfigured) {

        /** 短信 / 企业微信 / 电子邮件. */
        public String channelLabel() {
            return OutboxMessage.channelLabel(channel);
        }

        /** The address as the page shows it: a WeChat robot key is a credential, shown as set only (as on 预警设置). */
        public String shownAddress() {
            return "WECHAT".equals(channel) ? "（机器人 key 已登记）" : address;
        }
    }

    static final String CONFIGURED_NAME = "配置项 sanbao.connectors.alert-to";

    private final List<Recipient> configured;
    private final ContactService contacts;
    private final Notifications notifications;
    private final ConnectorRepository store;

    ConnectorAlerts(@Value("${sanbao.connectors.alert-to:}") List<String> to, ContactService contacts, Notifications notifications,
                    ConnectorRepository store) {
        this.configured = to.stream().map(String::strip).filter(s -> !s.isEmpty()).map(ConnectorAlerts::recipient).toList();
        this.contacts = contacts;
        this.notifications = notifications;
        this.store = store;
    }

    /**
     * Who an alert raised now would go to: each active analyst contact on each channel they have an address for, then the
     * entries of sanbao.connectors.alert-to; an address already reached on a channel is not repeated.
     */
    List<Recipient> recipients() {
        Map<String, Recipient> to = new LinkedHashMap<>();
        for (Contact c : contacts.activeInRole(Contact.ANALYST))
            for (String channel : Notifications.CHANNELS) {
                String address = c.address(channel);
                if (address != null) to.putIfAbsent(channel + ":" + address,
                        new Recipient(c.name(), true, channel, address, notifications.configured(channel)));
            }
        for (Recipient r : configured)
            to.putIfAbsent(r.channel() + ":" + r.address(), new Recipient(r.name(), false, r.channel(), r.address(),
                    notifications.configured(r.channel())));
        return List.copyOf(to.values());
    }

    /** Whether sanbao.connectors.alert-to is still set (the page says it is deprecated). */
    boolean configuredListInUse() {
        return !configured.isEmpty();
    }

    /** "渠道:地址"; a wrong entry stops the start-up with the entry named (a silent typo would mean no alert ever). */
    static Recipient recipient(String entry) {
        int colon = entry.indexOf(':');
        String channel = colon < 0 ? "" : entry.substring(0, colon).strip().toUpperCase(Locale.ROOT);
        String address = colon < 0 ? "" : entry.substring(colon + 1).strip();
        if (!Notifications.CHANNELS.contains(channel) || address.isEmpty() || address.length() > 300)
            throw new IllegalArgumentException("sanbao.connectors.alert-to 中的“" + entry + "”应为 渠道:地址，渠道为 SMS、WECHAT 或 EMAIL，"
                    + "如 EMAIL:data@czt.example.cn");
        return new Recipient(CONFIGURED_NAME, false, channel, address, false);
    }

    /**
     * Inside the run's transaction, after a failed run that reached the connector's limit: records the streak's alert and
     * queues its messages, unless this streak already alerted. Returns true when a new alert was raised.
     */
    boolean raise(Connector c, long runId, int failures, String lastResult, LocalDateTime at) {
        long streak = store.streakStart(c.id(), runId);
        if (store.alertExists(c.id(), streak)) return false;
        String detail = ConnectorRepository.cut("连接器“" + c.name() + "”已连续失败 " + failures + " 次，请分析员检查连接器设置或源数据库"
                + "（最近一次提取记录 #" + runId + "：" + lastResult + "）", 1000);
        List<String> keys = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        long alertId = store.insertAlert(c.id(), streak, failures, detail, at);
        List<Recipient> recipients = recipients();
        for (Recipient r : recipients) {
            if (!r.channelConfigured()) {
                waiting.add(r.channel());
                continue;
            }
            // one key per alert and address: a retry of the same streak never tells the same person twice
            String key = "CONNECTOR-" + alertId + "-" + r.channel() + "-" + UUID.nameUUIDFromBytes(r.address().getBytes(StandardCharsets.UTF_8));
            if (!notifications.queued(key))
                notifications.queue(new Notifications.Message(null, null, "", "CONNECTOR", r.name(), r.channel(), r.address(),
                        "数据提取告警：连接器“" + ConnectorRepository.cut(c.name(), 100) + "”连续失败 " + failures + " 次", detail, key), at);
            keys.add(key);
        }
        String note = recipients.isEmpty() ? NO_RECIPIENT
                : waiting.isEmpty() ? null
                : "渠道未配置，未发送：" + String.join("、", waiting.stream().distinct().map(OutboxMessage::channelLabel).toList());
        store.alertMessages(alertId, keys, note);
        return true;
    }

    /** Newest first, with each message's delivery status. */
    List<Alert> of(long connectorId, int limit) {
        return store.alerts(connectorId, limit).stream().map(a -> new Alert(a.id(), a.connectorId(), a.streakRun(), a.failures(),
                a.detail(), a.note(), a.createdAt(), a.messageKeys().isEmpty() ? List.of() : notifications.byKeys(a.messageKeys()))).toList();
    }
}
