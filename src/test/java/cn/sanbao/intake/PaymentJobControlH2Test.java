package cn.sanbao.intake;

import cn.sanbao.testsupport.OnH2;

@OnH2
class PaymentJobControlH2Test extends PaymentJobControlContract {
}
