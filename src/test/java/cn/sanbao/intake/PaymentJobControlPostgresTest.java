package cn.sanbao.intake;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class PaymentJobControlPostgresTest extends PaymentJobControlContract {
}
