package cn.sanbao.notify.channel;

/** The gateway did not accept a message; the dispatcher retries later. */
public class DeliveryException extends Exception {
    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
