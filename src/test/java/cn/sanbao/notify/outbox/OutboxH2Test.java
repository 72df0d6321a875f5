package cn.sanbao.notify.outbox;

import cn.sanbao.testsupport.OnH2;

@OnH2
class OutboxH2Test extends OutboxContract {
}
