package cn.sanbao.notify.outbox;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class OutboxPostgresTest extends OutboxContract {
}
