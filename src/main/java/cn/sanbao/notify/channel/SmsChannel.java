package cn.sanbao.notify.channel;

import cn.sanbao.notify.OutboxMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through an HTTP gateway: POST {url} with JSON {requestId, phone, content}, header Idempotency-Key,
 * optional HTTP Basic credentials. Any 2xx answer means the gateway accepted the message.
 */
public class SmsChannel implements Channel {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String url;
    private final String user;
    private final String password;

    public SmsChannel(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public String code() {
        return "SMS";
    }

    @Override
    public boolean configured() {
        return url != null && !url.isBlank();
    }

    @Override
    public void send(OutboxMessage m) throws DeliveryException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", m.idempotencyKey());
        body.put("phone", m.address());
        body.put("content", m.body());
        HttpPost.json(url, JSON.writeValueAsString(body), m.idempotencyKey(), user, password);
    }
}
