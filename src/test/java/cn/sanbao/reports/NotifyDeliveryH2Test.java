package cn.sanbao.reports;

import cn.sanbao.testsupport.OnH2;

@OnH2
class NotifyDeliveryH2Test extends NotifyDeliveryContract {
}
