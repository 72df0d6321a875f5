package cn.sanbao.notify.channel;

import cn.sanbao.notify.OutboxMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 企业微信群机器人: POST {url}?key={robot key} with a markdown message. The address of a recipient is its
 * group robot's key. WeChat answers 200 with errcode; anything but errcode 0 is a failure. The robot API
 * has no de-duplication, so the Idempotency-Key header only helps a relay that honours it.
 */
public class WeChatWorkChannel implements Channel {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String url;

    public WeChatWorkChannel(String url) {
        this.url = url;
    }

    @Override
    public String code() {
        return "WECHAT";
    }

    @Override
    public boolean configured() {
        return url != null && !url.isBlank();
    }

    @Override
    public void send(OutboxMessage m) throws DeliveryException {
        String body = JSON.writeValueAsString(Map.of("msgtype", "markdown", "markdown", Map.of("content", m.body())));
        String target = url + (url.contains("?") ? "&" : "?") + "key=" + URLEncoder.encode(m.address(), StandardCharsets.UTF_8);
        String answer = HttpPost.json(target, body, m.idempotencyKey(), null, null);
        if (answer != null && answer.contains("errcode")) {
            JsonNode node = JSON.readTree(answer);
            if (node.path("errcode").asInt(0) != 0)
                throw new DeliveryException("企业微信返回错误 " + node.path("errcode").asInt() + "：" + node.path("errmsg").asString(""));
        }
    }
}
