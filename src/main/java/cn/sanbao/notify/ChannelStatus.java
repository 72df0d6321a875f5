package cn.sanbao.notify;

import java.util.List;

/** Read-only view for operations: messages per channel and status (backlog and failures; docs/operations.md). */
public interface ChannelStatus {

    List<ChannelCount> countsByChannel();

    record ChannelCount(String channel, String status, long count) {
        /** Still to be delivered: waiting, or being sent. */
        public boolean backlog() {
            return OutboxMessage.PENDING.equals(status) || OutboxMessage.SENDING.equals(status);
        }
    }
}
