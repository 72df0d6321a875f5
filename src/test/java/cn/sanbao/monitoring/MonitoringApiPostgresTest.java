package cn.sanbao.monitoring;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class MonitoringApiPostgresTest extends MonitoringApiContract {
}
