package cn.sanbao.notify;

import java.time.LocalDateTime;

/** One line of the delivery log: one try to hand a message to its gateway. */
public record DeliveryAttempt(long id, long messageId, int attemptNo, String attemptId, LocalDateTime startedAt,
                              LocalDateTime finishedAt, String outcome, String detail) {
}
