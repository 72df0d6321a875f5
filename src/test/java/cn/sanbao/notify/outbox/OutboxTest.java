package cn.sanbao.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import cn.sanbao.notify.DeliveryAttempt;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.notify.OutboxMessage;
import cn.sanbao.notify.channel.Channel;
import cn.sanbao.notify.channel.EmailChannel;
import cn.sanbao.notify.channel.SmsChannel;
import cn.sanbao.notify.channel.WeChatWorkChannel;

/**
 * The dispatcher against fake gateways on loopback: delivery on each channel, retry with backoff,
 * no double delivery after a crash between send and mark, an hour-long outage, and FAILED + manual retry.
 */
@SpringBootTest
@BothDatabases
class OutboxTest {

    @Autowired OutboxRepository outbox;

    final TestClock clock = new TestClock();
    final DispatchPolicy policy = DispatchPolicy.defaults();
    FakeGateway sms;
    FakeGateway wechat;
    FakeSmtpServer smtp;

    @BeforeEach
    void setUp() throws Exception {
        sms = new FakeGateway();
        wechat = new FakeGateway();
        wechat.answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
        smtp = new FakeSmtpServer();
    }

    @AfterEach
    void tearDown() throws Exception {
        sms.close();
        wechat.close();
        smtp.close();
    }

    OutboxDispatcher dispatcher(Channel... channels) {
        return new OutboxDispatcher(outbox, List.of(channels), policy, clock);
    }

    SmsChannel smsChannel() {
        return new SmsChannel(sms.url("/sms/send"), "sanbao", "secret");
    }

    long message(String channel, String address) {
        String key = "TEST-" + UUID.randomUUID();
        // the outbox needs no warning: any module queues messages (here as a warning notice would read)
        outbox.insert(null, null, "640422", "UNIT", "测试联系人", channel, address,
                "三保运行风险提示函", "【三保预警】西吉县2021年3月监测等级为高度风险。", key, LocalDateTime.now(clock));
        return outbox.byKey(key).orElseThrow().id();
    }

    OutboxMessage row(long id) {
        return outbox.find(id).orElseThrow();
    }

    @Test
    void eachChannelHandsTheMessageToItsGatewayWithTheIdempotencyKey() {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.port());
        OutboxDispatcher d = dispatcher(smsChannel(), new WeChatWorkChannel(wechat.url("/cgi-bin/webhook/send")),
                new EmailChannel(mail, "sanbao@example.org"));
        long s = message("SMS", "13800000042"), w = message("WECHAT", "robot-xiji"), e = message("EMAIL", "fin-640422@example.org");
        assertThat(d.dispatchOne(s)).isTrue();
        assertThat(d.dispatchOne(w)).isTrue();
        assertThat(d.dispatchOne(e)).isTrue();
        assertThat(sms.delivered).containsKey(row(s).idempotencyKey());
        assertThat(sms.delivered.get(row(s).idempotencyKey())).contains("\"phone\":\"13800000042\"", "西吉县", row(s).idempotencyKey());
        assertThat(wechat.queries).containsExactly("key=robot-xiji");
        assertThat(wechat.delivered.get(row(w).idempotencyKey())).contains("\"msgtype\":\"markdown\"");
        assertThat(smtp.messages).singleElement().asString().contains("X-Idempotency-Key: " + row(e).idempotencyKey(),
                "fin-640422@example.org");
        for (long id : List.of(s, w, e)) {
            assertThat(row(id).status()).isEqualTo(OutboxMessage.SENT);
            assertThat(outbox.log(id)).extracting(DeliveryAttempt::outcome).containsExactly("SENT");
        }
    }

    @Test
    void weChatErrorCodeIsAFailure() {
        wechat.answer = "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}";
        long w = message("WECHAT", "robot-bad");
        dispatcher(new WeChatWorkChannel(wechat.url("/send"))).dispatchOne(w);
        assertThat(row(w).status()).isEqualTo(OutboxMessage.PENDING);
        assertThat(row(w).lastError()).contains("93000");
    }

    @Test
    void twoGatewayErrorsThenSuccessDeliversOnceWithBackoffAndEveryAttemptLogged() {
        sms.failNext.set(2);
        OutboxDispatcher d = dispatcher(smsChannel());
        long id = message("SMS", "13800000042");
        assertThat(d.dispatchOne(id)).isFalse();
        assertThat(row(id).status()).isEqualTo(OutboxMessage.PENDING);
        assertThat(Duration.between(LocalDateTime.now(clock), row(id).nextAttemptAt())).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.dispatchOne(id)).as("not due before the backoff").isFalse();
        clock.advance(Duration.ofSeconds(30));
        assertThat(d.dispatchOne(id)).isFalse();
        assertThat(Duration.between(LocalDateTime.now(clock), row(id).nextAttemptAt())).isEqualTo(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        assertThat(d.dispatchOne(id)).isTrue();
        OutboxMessage m = row(id);
        assertThat(m.status()).isEqualTo(OutboxMessage.SENT);
        assertThat(m.attempts()).isEqualTo(3);
        assertThat(sms.seen(m.idempotencyKey())).isEqualTo(3);
        assertThat(sms.delivered).containsOnlyKeys(m.idempotencyKey());
        assertThat(outbox.log(id)).extracting(DeliveryAttempt::outcome).containsExactly("ERROR", "ERROR", "SENT");
        assertThat(outbox.log(id)).extracting(DeliveryAttempt::attemptId).doesNotHaveDuplicates();
    }

    @Test
    void crashBetweenSendAndMarkResendsWithTheSameKeyAndTheGatewayDeliversOnce() {
        long id = message("SMS", "13800000042");
        SmsChannel real = smsChannel();
        Channel crashing = new Channel() {
            public String code() { return "SMS"; }
            public boolean configured() { return true; }
            public void send(OutboxMessage m) throws cn.sanbao.notify.channel.DeliveryException {
                real.send(m);
                throw new Crash();
            }
        };
        assertThatThrownBy(() -> dispatcher(crashing).dispatchOne(id)).isInstanceOf(Crash.class);
        assertThat(row(id).status()).isEqualTo(OutboxMessage.SENDING);
        // a restarted dispatcher leaves it alone while the lease runs …
        OutboxDispatcher restarted = dispatcher(smsChannel());
        assertThat(restarted.dispatchOne(id)).isFalse();
        // … then sends it again with the same key
        clock.advance(policy.lease().plusSeconds(1));
        assertThat(restarted.dispatchOne(id)).isTrue();
        OutboxMessage m = row(id);
        assertThat(m.status()).isEqualTo(OutboxMessage.SENT);
        assertThat(sms.seen(m.idempotencyKey())).isEqualTo(2);
        assertThat(sms.keysSeen).containsOnly(m.idempotencyKey());
        assertThat(sms.delivered).hasSize(1).containsKey(m.idempotencyKey());
        assertThat(outbox.log(id)).extracting(DeliveryAttempt::outcome).containsExactly("STARTED", "SENT");
    }

    @Test
    void anHourLongOutageLosesNothingButADayLongOneFailsVisiblyAndCanBeRetried() {
        sms.failNext.set(Integer.MAX_VALUE);
        OutboxDispatcher d = dispatcher(smsChannel());
        long id = message("SMS", "13800000042");
        LocalDateTime start = LocalDateTime.now(clock);
        while (Duration.between(start, LocalDateTime.now(clock)).compareTo(Duration.ofHours(1)) < 0) {
            d.dispatchOne(id);
            assertThat(row(id).status()).isEqualTo(OutboxMessage.PENDING);
            clock.advance(Duration.between(LocalDateTime.now(clock), row(id).nextAttemptAt()));
        }
        sms.failNext.set(0);
        assertThat(d.dispatchOne(id)).isTrue();
        assertThat(row(id).status()).isEqualTo(OutboxMessage.SENT);
        assertThat(sms.delivered).hasSize(1);

        sms.failNext.set(Integer.MAX_VALUE);
        long late = message("SMS", "13800000043");
        for (int i = 0; i < 200 && !row(late).status().equals(OutboxMessage.FAILED); i++) {
            d.dispatchOne(late);
            clock.advance(Duration.between(LocalDateTime.now(clock), row(late).nextAttemptAt()).plusSeconds(1));
        }
        assertThat(row(late).status()).isEqualTo(OutboxMessage.FAILED);
        assertThat(outbox.log(late)).last().satisfies(a -> assertThat(a.detail()).contains("已超过最长重试时间"));
        assertThat(d.dispatchOne(late)).as("FAILED is not retried by itself").isFalse();
        sms.failNext.set(0);
        assertThat(outbox.retry(late, LocalDateTime.now(clock))).isTrue();
        assertThat(d.dispatchOne(late)).isTrue();
        assertThat(row(late).status()).isEqualTo(OutboxMessage.SENT);
    }

    @Test
    void messagesOfAnUnconfiguredChannelWaitAndAreNotAttempted() {
        long id = message("SMS", "13800000042");
        assertThat(dispatcher(new SmsChannel("", null, null)).dispatchOne(id)).isFalse();
        assertThat(row(id).status()).isEqualTo(OutboxMessage.PENDING);
        assertThat(row(id).attempts()).isZero();
    }

    static final class Crash extends Error {
        Crash() {
            super("模拟进程在发送后、标记前崩溃");
        }
    }
}
