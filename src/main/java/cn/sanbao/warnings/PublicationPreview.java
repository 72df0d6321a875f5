package cn.sanbao.warnings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import cn.sanbao.notify.OutboxMessage;

/**
 * What 发布并发出预警 would do for a month, shown before anything is stored or sent: the units warned, the
 * messages per channel, every recipient, and one rendered message per recipient kind and channel.
 */
public record PublicationPreview(String period, String periodLabel, long runId, List<Warning> warnings,
                                 List<OutboxMessage> messages, int alreadySent, Map<String, String> unitNames) {

    public String unitName(String code) {
        return unitNames.getOrDefault(code, code);
    }

    /** Message count per channel label (短信, 企业微信, 电子邮件), in first-seen order. */
    public Map<String, Long> perChannel() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (OutboxMessage m : messages) out.merge(m.channelLabel(), 1L, Long::sum);
        return out;
    }

    /** The first message of each recipient kind × channel, e.g. the unit's SMS and the leader's e-mail. */
    public List<OutboxMessage> samples() {
        Map<String, OutboxMessage> out = new LinkedHashMap<>();
        for (OutboxMessage m : messages) out.putIfAbsent(m.recipientType() + "/" + m.channel(), m);
        return List.copyOf(out.values());
    }

    public static String recipientKind(String type) {
        return switch (type) {
            case "UNIT" -> "单位联系人";
            case "CITY" -> "所属市联系人";
            case "LEADER" -> "厅领导";
            default -> type;
        };
    }
}
