package cn.sanbao.notify.channel;

import cn.sanbao.notify.OutboxMessage;
/**
 * A way to reach a recipient. Another provider is one class implementing this. {@link #send} must pass
 * the message's idempotency key to the gateway so that a repeated send can be recognised there.
 */
public interface Channel {

    /** SMS, WECHAT or EMAIL: the channel code used in the rules and the outbox. */
    String code();

    /** False when the gateway is not set up; such messages wait as 待发送 and are not attempted. */
    boolean configured();

    /** Hands the message to the gateway; throws {@link DeliveryException} when the gateway did not accept it. */
    void send(OutboxMessage message) throws DeliveryException;
}
