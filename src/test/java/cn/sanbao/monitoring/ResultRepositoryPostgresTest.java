package cn.sanbao.monitoring;

import cn.sanbao.testsupport.OnPostgres;

@OnPostgres
class ResultRepositoryPostgresTest extends ResultRepositoryContract {
}
