package cn.sanbao.notify.outbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMS / WeChat gateway on loopback for tests. It answers 500 for the next {@code failNext} requests,
 * records every request's Idempotency-Key, and "delivers" a key only once (as a real gateway that
 * de-duplicates would).
 */
final class FakeGateway implements AutoCloseable {

    final List<String> keysSeen = Collections.synchronizedList(new ArrayList<>());
    final Map<String, String> delivered = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<String> queries = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger failNext = new AtomicInteger();
    volatile String answer = "{\"code\":0}";
    private final HttpServer server;

    FakeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            keysSeen.add(key);
            queries.add(exchange.getRequestURI().getQuery());
            int status = 200;
            String reply = answer;
            if (failNext.get() > 0) {
                failNext.decrementAndGet();
                status = 500;
                reply = "gateway down";
            } else {
                delivered.putIfAbsent(key, body);
            }
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    long seen(String key) {
        return keysSeen.stream().filter(key::equals).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
