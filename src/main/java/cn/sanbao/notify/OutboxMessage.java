package cn.sanbao.notify;

import java.time.LocalDateTime;

/** One message to one recipient on one channel; {@code idempotencyKey} travels with every send of it. */
public record OutboxMessage(long id, long publicationId, long warningId, String unitCode, String recipientType,
                            String recipientName, String channel, String address, String subject, String body,
                            String idempotencyKey, String status, int attempts, String attemptId,
                            LocalDateTime claimedAt, LocalDateTime nextAttemptAt, LocalDateTime ageFrom,
                            LocalDateTime createdAt, LocalDateTime sentAt, String lastError) {

    public static final String PENDING = "PENDING";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    public String statusLabel() {
        return switch (status) {
            case PENDING -> attempts == 0 ? "待发送" : "等待重试";
            case SENDING -> "发送中";
            case SENT -> "已送达网关";
            case FAILED -> "发送失败";
            default -> status;
        };
    }

    public String channelLabel() {
        return channelLabel(channel);
    }

    /** 短信 / 企业微信 / 电子邮件 for a channel code (other codes as they are). */
    public static String channelLabel(String channel) {
        return switch (channel) {
            case "SMS" -> "短信";
            case "WECHAT" -> "企业微信";
            case "EMAIL" -> "电子邮件";
            default -> channel;
        };
    }
}
