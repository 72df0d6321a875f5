package cn.sanbao.intake;

import cn.sanbao.testsupport.OnH2;

@OnH2
class PaymentPartitionH2Test extends PaymentPartitionContract {
    @Override
    boolean partitioned() { return false; }
}
