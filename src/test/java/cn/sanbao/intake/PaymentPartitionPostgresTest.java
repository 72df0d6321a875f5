package cn.sanbao.intake;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class PaymentPartitionPostgresTest extends PaymentPartitionContract {
    @Override
    boolean partitioned() { return true; }
}
